package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Queue;

/** {@code fifoQueue(1)} when its waiters are woken. See {@link QueueHandOffLinearizability}. */
public class FifoQueueHandOffLinearizability extends QueueHandOffLinearizability {
    @Override
    protected Queue<Integer> newQueue() {
        return primitives.fifoQueue(CAPACITY);
    }
}
