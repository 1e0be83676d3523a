package dev.interleave.stress.broken;

import dev.interleave.primitives.Queue;
import dev.interleave.stress.broken.fixed.FixedQueue;

/**
 * {@code fifoQueue(capacity)} whose {@code join()} waits until the queue is empty, not until
 * every item is done.
 *
 * <p>A consumer takes the last item and starts working on it. The producer calls
 * {@code join()} to wait until all the work is done: the queue is empty, so {@code join()}
 * returns at once, while the work on the last item is still going on.
 *
 * <p>The fix ({@link FixedQueue#join()}): wait until every item put was marked done
 * ({@code taskDone()}), however long ago it left the queue.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.FIFO_QUEUE,
        what = "join() waits for the queue to be empty instead of for every item to be marked done",
        exposedBy = "join() after the last item was taken and before its taskDone()")
public final class BrokenFifoQueue_JoinReturnsEarly extends BrokenPrimitives {
    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return new ImpatientQueue<>(capacity);
    }

    static final class ImpatientQueue<E> extends FixedQueue<E> {
        ImpatientQueue(int capacity) {
            super(capacity, new java.util.ArrayDeque<>());
        }

        @Override
        public void join() throws InterruptedException {
            lock.acquireInterruptibly();
            try {
                while (!items.isEmpty()) {   // BUG: "nothing left in the queue" is not "every item done"
                    allDone.await();
                }
            } finally {
                lock.release();
            }
        }
    }
}
