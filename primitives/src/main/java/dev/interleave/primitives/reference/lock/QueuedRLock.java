package dev.interleave.primitives.reference.lock;

import dev.interleave.primitives.RLock;

/**
 * A reentrant lock (Python's {@code RLock}) on the same queue as {@link QueuedLock}: the owner
 * may acquire again, and the lock is free when every acquire has been matched by a release.
 * Barging. A condition wait releases every hold and restores the same count before it returns.
 *
 * <p>Memory consistency: actions of a thread before the release that frees the lock
 * happen-before actions of a thread after a subsequent successful acquire.
 *
 * <p>Implementation note: the state is the owner's hold count ({@link ReentrantSync}).
 */
public final class QueuedRLock extends QueuedLock implements RLock {

    public QueuedRLock() {
        super(new ReentrantSync());
    }

    @Override
    public int holdCount() {
        return sync.holdsOfCurrentThread();
    }
}
