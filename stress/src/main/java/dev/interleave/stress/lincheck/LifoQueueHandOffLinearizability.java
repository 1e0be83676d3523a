package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Queue;

/** {@code lifoQueue(1)} when its waiters are woken. See {@link QueueHandOffLinearizability}. */
public class LifoQueueHandOffLinearizability extends QueueHandOffLinearizability {
    @Override
    protected Queue<Integer> newQueue() {
        return primitives.lifoQueue(CAPACITY);
    }
}
