package dev.interleave.stress.vmlens;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A counting semaphore on a {@link JdkLock} and one condition; bounded when {@code bound} is its
 * initial permits. {@code permits} is guarded by {@code lock}; each release signals one waiter.
 */
final class JdkLockSemaphore implements Semaphore {
    private final Lock lock = new JdkLock(false);
    /** Predicate: {@code permits > 0}. */
    private final Condition permitFree = lock.newCondition();
    private final int bound;
    private int permits;

    JdkLockSemaphore(int permits, int bound) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0, was " + permits);
        }
        this.permits = permits;
        this.bound = bound;
    }

    @Override
    public void acquire() throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            while (permits == 0) {
                permitFree.await();
            }
            permits--;
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean tryAcquire() {
        try (var held = lock.hold()) {
            return takeIfFree();
        }
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            return permitFree.awaitUntil(() -> permits > 0, timeout, unit) && takeIfFree();
        } finally {
            lock.release();
        }
    }

    @Override
    public void release() {
        try (var held = lock.hold()) {
            if (permits == bound) {
                throw new IllegalStateException("release() would pass the bound of " + bound + " permits");
            }
            permits++;
            permitFree.signal();
        }
    }

    @Override
    public int availablePermits() {
        try (var held = lock.hold()) {
            return permits;
        }
    }

    /** Call only while holding lock. */
    private boolean takeIfFree() {
        if (permits == 0) {
            return false;
        }
        permits--;
        return true;
    }
}
