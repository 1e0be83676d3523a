package dev.interleave.primitives;

import java.util.concurrent.TimeUnit;

/**
 * Counting semaphore; a bounded one refuses to grow past its initial permits.
 *
 * <p>Memory consistency: actions of a thread before {@link #release()} happen-before actions
 * of a thread after an acquire that took a permit.
 */
public interface Semaphore {
    void acquire() throws InterruptedException;

    boolean tryAcquire();

    boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException;

    /** Returns a permit. Bounded: {@link IllegalStateException} past the initial permits. */
    void release();

    int availablePermits();
}
