package dev.interleave.stress.broken;

import dev.interleave.primitives.Pipe;
import dev.interleave.stress.broken.fixed.FixedPipe;

/**
 * {@code pipe(capacity)} that hands messages over newest first.
 *
 * <p>{@code Deque.push} puts a message at the head, where the receiver takes from: "a", "b",
 * "c" sent in a row arrive as "c", "b", "a". One message at a time, the order looks right.
 *
 * <p>The fix ({@link FixedPipe#deliver}): {@code addLast}, behind the messages already there.
 */
@Defect(kind = DefectKind.ORDER, primitive = Part.PIPE,
        what = "send() pushes each message at the head of the buffer: messages arrive newest first",
        exposedBy = "two or more messages in the buffer at once")
public final class BrokenPipe_ReordersMessages extends BrokenPrimitives {
    @Override
    public <T> Pipe<T> pipe(int capacity) {
        return new StackPipe<T>(capacity).ends();
    }

    static final class StackPipe<T> extends FixedPipe<T> {
        StackPipe(int capacity) {
            super(capacity);
        }

        @Override
        protected void deliver(Direction out, T message) {
            out.buffer.push(message);   // BUG: push adds at the head, where recv takes from
            out.notEmpty.signal();
        }
    }
}
