package dev.interleave.stress.broken;

import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Pipe;
import dev.interleave.stress.broken.fixed.FixedPipe;
import java.util.Objects;

/**
 * {@code pipe(capacity)} whose {@code send} drops a message when the buffer is full.
 *
 * <p>The receiver is slower than the sender. The buffer fills up; the next {@code send} should
 * wait for room, but returns at once, and the message is gone: the receiver never sees it.
 *
 * <p>The fix ({@link FixedPipe#send}): wait on "not full" while the buffer is full.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.PIPE,
        what = "send() on a full buffer returns at once and drops the message instead of waiting for room",
        exposedBy = "a sender that sends more messages than the buffer holds before the receiver takes any")
public final class BrokenPipe_DropsWhenFull extends BrokenPrimitives {
    @Override
    public <T> Pipe<T> pipe(int capacity) {
        return new LossyPipe<T>(capacity).ends();
    }

    static final class LossyPipe<T> extends FixedPipe<T> {
        LossyPipe(int capacity) {
            super(capacity);
        }

        @Override
        protected void send(boolean left, T message) throws InterruptedException {
            Objects.requireNonNull(message, "a pipe message must not be null");
            lock.acquireInterruptibly();
            try {
                if (closed(left) || closed(!left)) {
                    throw new ClosedPipeException("send on a closed pipe end, or to an end that is closed");
                }
                Direction out = outOf(left);
                if (out.buffer.size() < capacity) {   // BUG: a full buffer drops the message instead of waiting
                    deliver(out, message);
                }
            } finally {
                lock.release();
            }
        }
    }
}
