package hostile.nondaemon;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import fixture.Unimplemented;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

// Attack: a non-daemon thread that sleeps forever (swallowing interrupts) keeps the JVM alive; lock() is correct.
public class NonDaemonPrimitives extends Unimplemented {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    public NonDaemonPrimitives() {
        if (STARTED.compareAndSet(false, true)) {
            Thread sleeper = new Thread(NonDaemonPrimitives::sleepForever, "sleeps-forever");
            sleeper.setDaemon(false);
            sleeper.start();
        }
    }

    @Override
    public Lock lock() {
        return new SimpleLock();
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // sleep on
            }
        }
    }

    /** A correct lock of the contract on a ReentrantLock: the owner that asks again waits for itself. */
    private static final class SimpleLock implements Lock {
        private final ReentrantLock lock = new ReentrantLock();

        @Override
        public void acquire() {
            while (lock.isHeldByCurrentThread()) {
                LockSupport.park(this);
                Thread.interrupted();
            }
            lock.lock();
        }

        @Override
        public void acquireInterruptibly() throws InterruptedException {
            while (!tryAcquire(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
                // waits until it holds the lock or is interrupted
            }
        }

        @Override
        public boolean tryAcquire() {
            return !lock.isHeldByCurrentThread() && lock.tryLock();
        }

        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (!lock.isHeldByCurrentThread()) {
                return lock.tryLock(timeout, unit);
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            for (long left = unit.toNanos(timeout); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return false;
        }

        @Override
        public void release() {
            if (!lock.isHeldByCurrentThread()) {
                throw new IllegalMonitorStateException("release() by a thread that does not hold the lock");
            }
            lock.unlock();
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("newCondition()");
        }
    }
}
