package dev.interleave.primitives;

import java.util.concurrent.TimeUnit;

/**
 * Mutual exclusion, owned by the thread that acquired it. Not reentrant: the owner that
 * acquires again waits for itself forever (use {@link RLock} for that).
 *
 * <p>{@link #acquire()} is uninterruptible, like Python's {@code acquire()}: it keeps waiting
 * when interrupted and restores the interrupt flag before it returns. The other blocking
 * methods throw {@link InterruptedException} (and clear the flag) when the caller is
 * interrupted on entry or while waiting.
 *
 * <p>Memory consistency: actions of a thread before it calls {@link #release()}
 * <i>happen-before</i> actions of a thread after a subsequent successful acquire of the same lock.
 */
public interface Lock {
    /** Blocks until this thread holds the lock; uninterruptible. */
    void acquire();

    /** Blocks until this thread holds the lock, or throws when interrupted. */
    void acquireInterruptibly() throws InterruptedException;

    /** Takes the lock if it is free right now; never blocks. */
    boolean tryAcquire();

    /**
     * Waits at most {@code timeout} for the lock; a timeout {@code <= 0} tries once.
     *
     * @return true if this thread now holds the lock, false if the time ran out
     */
    boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException;

    /** Releases the lock. @throws IllegalMonitorStateException if the caller is not the owner */
    void release();

    /** Whether the calling thread holds this lock. */
    boolean isHeldByCurrentThread();

    /** A new condition bound to this lock. */
    Condition newCondition();

    /** Python's {@code with lock:} — {@code try (var held = lock.hold()) { ... }} */
    default Held hold() {
        acquire();
        return this::release;
    }
}
