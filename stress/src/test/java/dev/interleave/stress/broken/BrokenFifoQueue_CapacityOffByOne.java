package dev.interleave.stress.broken;

import dev.interleave.primitives.Queue;
import dev.interleave.stress.broken.fixed.FixedQueue;

/**
 * {@code fifoQueue(capacity)} that holds one item more than its capacity.
 *
 * <p>"Full" is tested with {@code >} where {@code >=} belongs: a queue of capacity 3 accepts a
 * fourth item, and a producer that should wait for a consumer runs ahead of it.
 *
 * <p>The fix ({@link FixedQueue#full()}): {@code items.size() >= capacity}.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.FIFO_QUEUE,
        what = "the queue counts itself full only above its capacity (> instead of >=): it holds capacity + 1 items",
        exposedBy = "offering one item more than the capacity")
public final class BrokenFifoQueue_CapacityOffByOne extends BrokenPrimitives {
    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return new RoomyQueue<>(capacity);
    }

    static final class RoomyQueue<E> extends FixedQueue<E> {
        RoomyQueue(int capacity) {
            super(capacity, new java.util.ArrayDeque<>());
        }

        @Override
        protected boolean full() {
            return items.size() > capacity;   // BUG: off by one
        }
    }
}
