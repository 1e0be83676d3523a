package example.racylock;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A lock: a volatile owner field, and a queue of parked waiters, the first of which release()
 * wakes. A waiter looks at the owner field again after every wake-up.
 *
 * <p>The bug: {@link #tryAcquire()} reads the owner field and then writes it, two separate steps.
 * Two threads can both read "free" before either writes itself in, and both own the lock.
 */
final class FlagLock implements Lock {
    private volatile Thread owner;
    private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();

    @Override
    public boolean tryAcquire() {
        if (owner == null) {
            owner = Thread.currentThread();
            return true;
        }
        return false;
    }

    @Override
    public void acquire() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        waiters.add(me);
        while (!tryAcquire()) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        waiters.remove(me);
        if (interrupted) {
            me.interrupt();
        }
    }

    @Override
    public void acquireInterruptibly() throws InterruptedException {
        if (!tryAcquire(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
            throw new AssertionError("an endless wait ended");
        }
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos;
        waiters.add(me);
        try {
            while (!tryAcquire()) {
                if (nanos <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, nanos);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                nanos = deadline - System.nanoTime();
            }
            return true;
        } finally {
            waiters.remove(me);
            if (owner != me) {
                wakeFirstWaiterIfFree();   // a wake-up this thread used up may have been meant for the next
            }
        }
    }

    @Override
    public void release() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("release() by a thread that does not hold the lock");
        }
        owner = null;
        wakeFirstWaiterIfFree();
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("newCondition()");
    }

    private void wakeFirstWaiterIfFree() {
        Thread first = waiters.peek();
        if (first != null && owner == null) {
            LockSupport.unpark(first);
        }
    }
}
