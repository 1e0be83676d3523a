package dev.interleave.stress.independent;

import dev.interleave.primitives.RLock;
import java.util.concurrent.TimeUnit;

/** Unfair reentrant lock on one monitor: an owner and a hold count. */
final class ReentrantMonitorLock extends BaseLock implements RLock {
    private final Object monitor = new Object();
    private Thread owner; // guarded by monitor
    private int holds; // guarded by monitor

    /** Takes a hold at once if possible. Caller holds monitor. */
    private boolean tryTake(Thread me) {
        if (owner == null) {
            owner = me;
            holds = 1;
            return true;
        }
        if (owner == me) {
            if (holds == Integer.MAX_VALUE) {
                throw new Error("maximum hold count exceeded");
            }
            holds++;
            return true;
        }
        return false;
    }

    @Override
    public void acquire() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (monitor) {
            while (!tryTake(me)) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
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
            while (!tryTake(me)) {
                waitOnce(0L);
            }
        }
    }

    @Override
    public boolean tryAcquire() {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            return tryTake(me);
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
            if (tryTake(me)) {
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            long deadline = System.nanoTime() + nanos;
            while (!tryTake(me)) {
                long left = Waits.remaining(deadline);
                if (left <= 0) {
                    return false;
                }
                waitOnce(left);
            }
            return true;
        }
    }

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
        if (Thread.interrupted()) {
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
            if (--holds == 0) {
                owner = null;
                monitor.notify();
            }
        }
    }

    @Override
    public boolean isHeldByCurrentThread() {
        synchronized (monitor) {
            return owner == Thread.currentThread();
        }
    }

    @Override
    public int holdCount() {
        synchronized (monitor) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    @Override
    int releaseAll() {
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw notOwner();
            }
            int saved = holds;
            holds = 0;
            owner = null;
            monitor.notify();
            return saved;
        }
    }

    @Override
    void reacquire(int saved) {
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
            holds = saved;
        }
        if (interrupted) {
            me.interrupt();
        }
    }
}
