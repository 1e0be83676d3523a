package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Queue;
import java.util.Comparator;

/** {@code priorityQueue(1, natural order)} when its waiters are woken. See {@link QueueHandOffLinearizability}. */
public class PriorityQueueHandOffLinearizability extends QueueHandOffLinearizability {
    @Override
    protected Queue<Integer> newQueue() {
        return primitives.priorityQueue(CAPACITY, Comparator.naturalOrder());
    }
}
