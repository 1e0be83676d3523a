package example.locks;

import dev.interleave.primitives.Condition;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A condition of an {@link OwnedLock} or a {@link CountingRLock}: a condition of their
 * {@link ReentrantLock}, with the contract's checks in front. Its waits hand a signal on when they
 * time out or are interrupted (a waiter interrupted after it was signalled returns normally, with
 * its interrupt flag set), as {@code ReentrantLock}'s conditions do.
 */
final class LockCondition implements Condition {
    private final ReentrantLock lock;
    private final java.util.concurrent.locks.Condition condition;

    LockCondition(ReentrantLock lock) {
        this.lock = lock;
        this.condition = lock.newCondition();
    }

    @Override
    public void await() throws InterruptedException {
        requireLockHeld();
        condition.await();
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        requireLockHeld();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = unit.toNanos(timeout);
        if (nanos <= 0) {
            return false;   // at once: do not let go of the lock
        }
        return condition.await(nanos, TimeUnit.NANOSECONDS);   // false only when the time ran out
    }

    @Override
    public boolean awaitUntil(BooleanSupplier predicate, long timeout, TimeUnit unit) throws InterruptedException {
        requireLockHeld();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = unit.toNanos(timeout);
        boolean result = predicate.getAsBoolean();
        if (result || nanos <= 0) {
            return result;
        }
        long deadline = System.nanoTime() + nanos;
        while (!result) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            condition.awaitNanos(left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    @Override
    public void signal() {
        requireLockHeld();
        condition.signal();
    }

    @Override
    public void signalAll() {
        requireLockHeld();
        condition.signalAll();
    }

    private void requireLockHeld() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("the condition's lock is not held by the calling thread");
        }
    }
}
