package dev.interleave.stress.broken;

import dev.interleave.primitives.Queue;
import dev.interleave.stress.broken.fixed.FixedQueue;
import java.util.ArrayDeque;

/**
 * {@code lifoQueue(capacity)} that hands items out first in, first out.
 *
 * <p>{@code ArrayDeque.add} puts at the tail and {@code remove} takes from the head: that is a
 * FIFO queue, whatever the class is called. Put 1, 2, 3 and take: 1 comes out, where a LIFO
 * queue (a stack) gives 3.
 *
 * <p>The fix ({@link FixedQueue#lifo}): add and remove at the same end
 * ({@code Collections.asLifoQueue}, or {@code push}/{@code pop}).
 */
@Defect(kind = DefectKind.ORDER, primitive = Part.LIFO_QUEUE,
        what = "the LIFO queue stores its items in a FIFO deque (add at the tail, remove at the head)",
        exposedBy = "two items put, one taken: the older comes out")
public final class BrokenLifoQueue_FifoOrder extends BrokenPrimitives {
    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        return new StackThatIsAQueue<>(capacity);
    }

    static final class StackThatIsAQueue<E> extends FixedQueue<E> {
        StackThatIsAQueue(int capacity) {
            super(capacity, new ArrayDeque<>());   // BUG: a plain deque used as a queue, not as a stack
        }
    }
}
