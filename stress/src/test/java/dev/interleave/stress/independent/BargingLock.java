package dev.interleave.stress.independent;

import java.util.concurrent.TimeUnit;

/**
 * Unfair, non-reentrant lock on one monitor. Only threads waiting for the lock wait on that
 * monitor (condition waiters wait elsewhere), so a release can {@code notify} a single one.
 * A waiter that leaves without the lock (interrupt, timeout) passes its wake-up on when the
 * lock is free, so no wake-up is ever swallowed.
 */
final class BargingLock extends BaseLock {
    private final Object monitor = new Object();
    private Thread owner; // guarded by monitor

    @Override
    public void acquire() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (monitor) {
            while (owner != null) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            owner = me;
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    @Override
    public void acquireInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            while (owner != null) {
                waitOnce(0L);
            }
            owner = me;
        }
    }

    @Override
    public boolean tryAcquire() {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (owner == null) {
                owner = me;
                return true;
            }
            return false;
        }
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (owner == null) {
                owner = me;
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            long deadline = System.nanoTime() + nanos;
            while (owner != null) {
                long left = Waits.remaining(deadline);
                if (left <= 0) {
                    return false;
                }
                waitOnce(left);
            }
            owner = me;
            return true;
        }
    }

    /** One interruptible wait (0 = untimed); on interrupt, passes a wake-up on and throws. */
    private void waitOnce(long nanos) throws InterruptedException {
        try {
            if (nanos == 0L) {
                monitor.wait();
            } else {
                Waits.waitNanos(monitor, nanos);
            }
        } catch (InterruptedException e) {
            passOn();
            throw e;
        }
        if (Thread.interrupted()) { // woken and interrupted at about the same time: the interrupt wins
            passOn();
            throw new InterruptedException();
        }
    }

    private void passOn() {
        if (owner == null) {
            monitor.notify();
        }
    }

    @Override
    public void release() {
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw notOwner();
            }
            owner = null;
            monitor.notify();
        }
    }

    @Override
    public boolean isHeldByCurrentThread() {
        synchronized (monitor) {
            return owner == Thread.currentThread();
        }
    }

    @Override
    int releaseAll() {
        release();
        return 1;
    }

    @Override
    void reacquire(int holds) {
        acquire();
    }
}
