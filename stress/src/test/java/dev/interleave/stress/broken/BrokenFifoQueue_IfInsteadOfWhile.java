package dev.interleave.stress.broken;

import dev.interleave.primitives.Queue;
import dev.interleave.stress.broken.fixed.FixedQueue;

/**
 * {@code fifoQueue(capacity)} whose {@code take()} waits once ({@code if}) where it must wait
 * until an item is really there ({@code while}).
 *
 * <p>A taker waits on "not empty". A producer puts an item and signals; before the woken taker
 * gets the lock back, a third thread polls and takes the item (the lock lets it barge). The
 * taker returns from {@code await} holding the lock, does not look again, and removes an item
 * from an empty queue. (A spurious wake-up would do the same; the lock's condition here never
 * returns spuriously, so it is the barging thread that exposes the bug.)
 *
 * <p>The fix ({@link FixedQueue#take()}): {@code while (items.isEmpty()) notEmpty.await()}.
 */
@Defect(kind = DefectKind.RACE, primitive = Part.FIFO_QUEUE,
        what = "take() awaits 'not empty' with if instead of while, and takes without looking again",
        exposedBy = "another thread takes the item between the put's signal and the waiter's return from await")
public final class BrokenFifoQueue_IfInsteadOfWhile extends BrokenPrimitives {
    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return new HopefulQueue<>(capacity);
    }

    static final class HopefulQueue<E> extends FixedQueue<E> {
        HopefulQueue(int capacity) {
            super(capacity, new java.util.ArrayDeque<>());
        }

        @Override
        public E take() throws InterruptedException {
            lock.acquireInterruptibly();
            try {
                if (items.isEmpty()) {   // BUG: if, not while
                    notEmpty.await();
                }
                return extract();
            } finally {
                lock.release();
            }
        }
    }
}
