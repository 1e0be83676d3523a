package dev.interleave.primitives.reference.lock;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import java.util.concurrent.TimeUnit;

/**
 * A non-reentrant mutual-exclusion lock whose waiters park in an explicit FIFO queue.
 *
 * <p>Two flavours: {@code new QueuedLock()} barges (a thread arriving while the lock is free
 * takes it, even ahead of woken waiters: more throughput, no order promise);
 * {@link #fair()} hands the lock to waiters in arrival order (no waiter is overtaken by a
 * later arrival, including by {@link #tryAcquire()}). Waiting threads park and cost no CPU;
 * timeouts and interrupts cancel a waiter cleanly. Conditions from {@link #newCondition()}
 * follow the contract of {@link Condition}.
 *
 * <p>Memory consistency: actions of a thread before {@link #release()} happen-before actions
 * of a thread after a subsequent successful acquire.
 *
 * <p>Implementation note: all the work is in {@link QueuedSynchronizer}; the state is 0 or 1
 * ({@link ExclusiveSync}). The owner that acquires again waits for itself (not reentrant).
 */
public class QueuedLock implements Lock {
    final QueuedSynchronizer sync;

    /** A barging (unfair) lock. */
    public QueuedLock() {
        this(new ExclusiveSync.Barging());
    }

    QueuedLock(QueuedSynchronizer sync) {
        this.sync = sync;
    }

    /** A fair lock: FIFO hand-off to the longest waiter. */
    public static QueuedLock fair() {
        return new QueuedLock(new ExclusiveSync.Fair());
    }

    @Override
    public void acquire() {
        sync.acquire(1);
    }

    @Override
    public void acquireInterruptibly() throws InterruptedException {
        sync.acquireInterruptibly(1);
    }

    @Override
    public boolean tryAcquire() {
        return sync.tryAcquireState(1);
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return sync.tryAcquireNanos(1, unit.toNanos(timeout));
    }

    @Override
    public void release() {
        sync.release(1);
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return sync.isHeldByCurrentThread();
    }

    @Override
    public Condition newCondition() {
        return sync.newCondition();
    }
}
