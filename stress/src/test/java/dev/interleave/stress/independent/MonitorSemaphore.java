package dev.interleave.stress.independent;

import dev.interleave.primitives.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Counting semaphore on one monitor. Only acquirers wait on it, so a release notifies one; an
 * acquirer that leaves without a permit (interrupt) passes its wake-up on if permits remain.
 */
final class MonitorSemaphore implements Semaphore {
    private final Object monitor = new Object();
    private final boolean bounded;
    private final int initial;
    private int permits; // guarded by monitor

    MonitorSemaphore(int permits, boolean bounded) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0: " + permits);
        }
        this.permits = permits;
        this.initial = permits;
        this.bounded = bounded;
    }

    @Override
    public void acquire() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            while (permits == 0) {
                waitOnce(0L);
            }
            permits--;
        }
    }

    @Override
    public boolean tryAcquire() {
        synchronized (monitor) {
            if (permits > 0) {
                permits--;
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
        synchronized (monitor) {
            if (permits > 0) {
                permits--;
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            long deadline = System.nanoTime() + nanos;
            while (permits == 0) {
                long left = Waits.remaining(deadline);
                if (left <= 0) {
                    return false;
                }
                waitOnce(left);
            }
            permits--;
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
            if (permits > 0) {
                monitor.notify();
            }
            throw e;
        }
    }

    @Override
    public void release() {
        synchronized (monitor) {
            if (bounded && permits >= initial) {
                throw new IllegalStateException("semaphore released too many times (initial permits: " + initial + ")");
            }
            if (permits == Integer.MAX_VALUE) {
                throw new Error("maximum permit count exceeded");
            }
            permits++;
            monitor.notify();
        }
    }

    @Override
    public int availablePermits() {
        synchronized (monitor) {
            return permits;
        }
    }
}
