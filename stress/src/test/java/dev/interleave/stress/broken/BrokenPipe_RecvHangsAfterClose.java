package dev.interleave.stress.broken;

import dev.interleave.primitives.Pipe;
import dev.interleave.stress.broken.fixed.FixedPipe;

/**
 * {@code pipe(capacity)} whose {@code close()} wakes the blocked senders but not the receivers.
 *
 * <p>A receiver waits for a message. The other end closes: no message will ever come, and
 * {@code recv()} should throw {@code ClosedPipeException}. But the receiver is never woken to
 * look, and waits for ever. A receiver that calls {@code recv()} after the close sees the closed
 * end and throws, so the bug hides from every test that closes first and receives second.
 *
 * <p>The fix ({@link FixedPipe#close}): wake everybody who waits on the pipe, receivers too.
 */
@Defect(kind = DefectKind.LOST_WAKEUP, primitive = Part.PIPE,
        what = "close() marks the end closed and wakes the waiting senders, but not the waiting receivers",
        exposedBy = "a receiver waits in recv() when the other end closes")
public final class BrokenPipe_RecvHangsAfterClose extends BrokenPrimitives {
    @Override
    public <T> Pipe<T> pipe(int capacity) {
        return new HalfClosingPipe<T>(capacity).ends();
    }

    static final class HalfClosingPipe<T> extends FixedPipe<T> {
        HalfClosingPipe(int capacity) {
            super(capacity);
        }

        @Override
        protected void close(boolean left) {
            lock.acquire();
            try {
                if (left) {
                    leftClosed = true;
                } else {
                    rightClosed = true;
                }
                into(left).buffer.clear();
                leftToRight.notFull.signalAll();
                rightToLeft.notFull.signalAll();
                // BUG: the receivers (notEmpty) are not woken
            } finally {
                lock.release();
            }
        }
    }
}
