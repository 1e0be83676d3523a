package dev.interleave.primitives.reference.sync;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Semaphore;
import dev.interleave.primitives.reference.lock.QueuedLock;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code threading.Semaphore} and {@code BoundedSemaphore}: a counter of permits that
 * {@code acquire} takes one from, waiting while there is none, and {@code release} gives one back.
 *
 * <p>A {@link #counting(int) counting} semaphore accepts any number of releases (up to
 * {@link Integer#MAX_VALUE} permits). A {@link #bounded(int) bounded} one refuses to grow past
 * its initial permits: such a release throws {@link IllegalStateException} and changes nothing,
 * which catches a thread releasing a permit it never took.
 *
 * <p>Fairness: none. A thread that arrives when a permit is free takes it, even if others are
 * waiting; a waiter may be overtaken by later arrivals. {@code tryAcquire()} and
 * {@code release()} never wait for anything but the lock.
 *
 * <p>Memory consistency: actions of a thread before {@code release()} happen-before actions of a
 * thread after an acquire that took a permit.
 *
 * <h2>Implementation note</h2>
 *
 * <p>Invariant: {@code 0 <= permits <= bound}.
 *
 * <p>Linearization points, all under {@code lock}: an acquire at its decrement of
 * {@code permits} (a failed try or a timed-out acquire at its last look, which found none);
 * {@code release} at its increment (or, when bounded and full, at the check that refuses it);
 * {@code availablePermits} at its read.
 *
 * <p>Each release signals one waiter on {@code permitFree}: one permit can satisfy one waiter.
 * A waiter that is signalled and then overtaken finds no permit and waits again; the permit
 * went to the thread that overtook it, so no wake-up is wasted.
 *
 * <p>Fields (see the package conventions): {@code lock}, {@code permitFree}, {@code bound}
 * final; {@code permits} guarded, written by acquiring and releasing threads.
 */
public final class GuardedSemaphore implements Semaphore {
    private final Lock lock = new QueuedLock();
    /** Predicate: {@code permits > 0}. */
    private final Condition permitFree = lock.newCondition();
    private final int bound;
    private int permits;

    private GuardedSemaphore(int permits, int bound) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0, was " + permits);
        }
        this.permits = permits;
        this.bound = bound;
    }

    /**
     * Python's {@code Semaphore(permits)}.
     *
     * @throws IllegalArgumentException if {@code permits < 0}
     */
    public static GuardedSemaphore counting(int permits) {
        return new GuardedSemaphore(permits, Integer.MAX_VALUE);
    }

    /**
     * Python's {@code BoundedSemaphore(permits)}.
     *
     * @throws IllegalArgumentException if {@code permits < 0}
     */
    public static GuardedSemaphore bounded(int permits) {
        return new GuardedSemaphore(permits, permits);
    }

    @Override
    public void acquire() throws InterruptedException {
        Interruptibly.acquire(lock);
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
        lock.acquire();
        try {
            return takeIfFree();
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        Interruptibly.acquire(lock);
        try {
            return permitFree.awaitUntil(() -> permits > 0, timeout, unit) && takeIfFree();
        } finally {
            lock.release();
        }
    }

    /**
     * Gives a permit back and wakes one waiter.
     *
     * @throws IllegalStateException when the permits would pass the bound (the initial permits of
     *         a bounded semaphore, {@link Integer#MAX_VALUE} otherwise); nothing changes then
     */
    @Override
    public void release() {
        lock.acquire();
        try {
            if (permits == bound) {
                throw new IllegalStateException("release() would pass the bound of " + bound + " permits");
            }
            permits++;
            permitFree.signal();
        } finally {
            lock.release();
        }
    }

    @Override
    public int availablePermits() {
        lock.acquire();
        try {
            return permits;
        } finally {
            lock.release();
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

    @Override
    public String toString() {
        return "GuardedSemaphore[permits=" + availablePermits() + ", bound=" + bound + "]";
    }
}
