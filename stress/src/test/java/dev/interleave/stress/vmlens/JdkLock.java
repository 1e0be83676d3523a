package dev.interleave.stress.vmlens;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.RLock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The contract's lock on a {@link ReentrantLock}, and its conditions on the JDK's. The JDK
 * already throws what the contract asks for: {@link IllegalMonitorStateException} for a release
 * or a condition call without the lock, {@link InterruptedException} on entry and while waiting.
 * Only methods that vmlens 1.2.17 traces are used on the scenarios' paths (see
 * {@link #acquireInterruptibly()}).
 */
final class JdkLock implements RLock {
    private final ReentrantLock lock;

    JdkLock(boolean fair) {
        lock = new ReentrantLock(fair);
    }

    @Override
    public void acquire() {
        lock.lock();
    }

    /**
     * Throws on an interrupt on entry, then waits like {@link #acquire()}: vmlens 1.2.17 sees
     * {@code lock()} take the lock, but neither {@code lockInterruptibly()} nor a timed
     * {@code tryLock}, and would take the critical sections they open for data races. So an
     * interrupt that comes while the thread waits for the lock itself (not for a condition) is
     * kept in its flag instead of being thrown.
     */
    @Override
    public void acquireInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        lock.lock();
    }

    @Override
    public boolean tryAcquire() {
        return lock.tryLock();
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return lock.tryLock(timeout, unit);
    }

    @Override
    public void release() {
        lock.unlock();
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public int holdCount() {
        return lock.getHoldCount();
    }

    @Override
    public Condition newCondition() {
        return new JdkCondition(lock);
    }

    private static final class JdkCondition implements Condition {
        private final ReentrantLock lock;
        private final java.util.concurrent.locks.Condition condition;

        JdkCondition(ReentrantLock lock) {
            this.lock = lock;
            this.condition = lock.newCondition();
        }

        @Override
        public void await() throws InterruptedException {
            condition.await();
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            return condition.await(timeout, unit);
        }

        @Override
        public boolean awaitUntil(BooleanSupplier predicate, long timeout, TimeUnit unit)
                throws InterruptedException {
            Objects.requireNonNull(predicate, "predicate");
            long nanos = unit.toNanos(timeout);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (!lock.isHeldByCurrentThread()) {
                throw new IllegalMonitorStateException("the calling thread does not hold the condition's lock");
            }
            boolean result = predicate.getAsBoolean();
            while (!result && nanos > 0L) {
                nanos = condition.awaitNanos(nanos);
                result = predicate.getAsBoolean();
            }
            return result;
        }

        @Override
        public void signal() {
            condition.signal();
        }

        @Override
        public void signalAll() {
            condition.signalAll();
        }
    }
}
