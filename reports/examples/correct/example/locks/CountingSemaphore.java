package example.locks;

import dev.interleave.primitives.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counting semaphore: a permit count guarded by a lock; acquirers wait on a condition while it
 * is 0, each release signals one of them. A bounded one refuses a release that would take the
 * count past the initial permits.
 */
final class CountingSemaphore implements Semaphore {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition permitReleased = lock.newCondition();
    private final int initialPermits;
    private final boolean bounded;
    private volatile int permits;   // written under the lock; read by availablePermits() without it

    CountingSemaphore(int permits, boolean bounded) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative, was " + permits);
        }
        this.initialPermits = permits;
        this.bounded = bounded;
        this.permits = permits;
    }

    @Override
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();   // throws when interrupted on entry, even with permits left
        try {
            while (permits == 0) {
                permitReleased.await();
            }
            permits--;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean tryAcquire() {
        lock.lock();
        try {
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (permits == 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = permitReleased.awaitNanos(nanos);
            }
            permits--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release() {
        lock.lock();
        try {
            if (bounded && permits == initialPermits) {
                throw new IllegalStateException("release() past the " + initialPermits
                        + " initial permits of a bounded semaphore");
            }
            if (permits == Integer.MAX_VALUE) {
                throw new IllegalStateException("release() past " + Integer.MAX_VALUE + " permits");
            }
            permits++;
            permitReleased.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int availablePermits() {
        return permits;
    }
}
