package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Queue;
import java.util.Comparator;

/**
 * {@code priorityQueue(2, naturalOrder())}: the smallest item is the first out. Among equal items
 * the order is unspecified, and equal {@code Integer} items cannot be told apart, so the
 * specification takes the first smallest. See {@link QueueLinearizability}.
 */
public class PriorityQueueLinearizability extends QueueLinearizability {
    @Override
    protected Queue<Integer> newQueue() {
        return primitives.priorityQueue(CAPACITY, Comparator.naturalOrder());
    }

    @Override
    protected Class<? extends QueueLinearizability.Sequential> sequential() {
        return Sequential.class;
    }

    /** Smallest first. */
    public static class Sequential extends QueueLinearizability.Sequential {
        @Override
        protected int next() {
            int smallest = 0;
            for (int i = 1; i < items.size(); i++) {
                if (items.get(i) < items.get(smallest)) {
                    smallest = i;
                }
            }
            return smallest;
        }
    }
}
