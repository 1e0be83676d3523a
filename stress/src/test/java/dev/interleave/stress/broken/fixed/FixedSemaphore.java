package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.Semaphore;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A semaphore as a student writes it once the lecture's bugs are fixed, on an atomic counter
 * and parking: a permit is taken by one compare-and-set, waiters park in a queue, and a release
 * unparks the first of them. A bounded one refuses a release that would pass its initial
 * permits, in the same compare-and-set.
 *
 * <p>The broken semaphore variants extend this class and break one method each.
 *
 * <p>Why no wake-up is lost: as in {@link FixedLock}, a waiter joins the queue before its last
 * look at the counter, and a releaser adds the permit before it looks at the queue. A waiter
 * that leaves (with a permit, or without: timeout, interrupt) wakes the next one while permits
 * are left, so a release that woke a thread which then did not need it is passed on.
 */
public class FixedSemaphore implements Semaphore {
    protected static final int TAKEN = 0;
    protected static final int TIMED_OUT = 1;
    protected static final int INTERRUPTED = 2;

    protected final AtomicInteger permits;
    protected final int bound;
    protected final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();

    protected FixedSemaphore(int permits, int bound) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0, was " + permits);
        }
        this.permits = new AtomicInteger(permits);
        this.bound = bound;
    }

    /** A semaphore that may grow past its initial permits. */
    public static FixedSemaphore counting(int permits) {
        return new FixedSemaphore(permits, Integer.MAX_VALUE);
    }

    /** A semaphore that refuses to grow past its initial permits. */
    public static FixedSemaphore bounded(int permits) {
        return new FixedSemaphore(permits, permits);
    }

    @Override
    public boolean tryAcquire() {
        while (true) {
            int available = permits.get();
            if (available <= 0) {
                return false;
            }
            if (permits.compareAndSet(available, available - 1)) {
                return true;
            }
        }
    }

    @Override
    public void acquire() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryAcquire() && waitForPermit(false, 0) == INTERRUPTED) {
            throw new InterruptedException();
        }
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (tryAcquire()) {
            return true;
        }
        long nanos = unit.toNanos(timeout);
        if (nanos <= 0) {
            return false;
        }
        int result = waitForPermit(true, nanos);
        if (result == INTERRUPTED) {
            throw new InterruptedException();
        }
        return result == TAKEN;
    }

    /**
     * Waits in the queue for a permit.
     *
     * <pre>
     * join the queue
     * while no permit can be taken: park (for the time left); give up on interrupt or timeout
     * leave the queue; if permits are left, wake the next waiter
     * </pre>
     */
    protected int waitForPermit(boolean timed, long nanos) {
        Thread me = Thread.currentThread();
        long start = System.nanoTime();
        waiters.add(me);
        try {
            while (!tryAcquire()) {
                if (timed) {
                    long left = nanos - (System.nanoTime() - start);
                    if (left <= 0) {
                        return TIMED_OUT;
                    }
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
                if (Thread.interrupted()) {
                    return INTERRUPTED;
                }
            }
            return TAKEN;
        } finally {
            waiters.remove(me);
            if (permits.get() > 0) {
                wakeFirstWaiter();
            }
        }
    }

    protected final void wakeFirstWaiter() {
        Thread first = waiters.peek();
        if (first != null) {
            LockSupport.unpark(first);
        }
    }

    @Override
    public void release() {
        while (true) {
            int available = permits.get();
            if (available >= bound) {
                throw new IllegalStateException("release() would pass the bound of " + bound + " permits");
            }
            if (permits.compareAndSet(available, available + 1)) {
                break;
            }
        }
        wakeFirstWaiter();
    }

    @Override
    public int availablePermits() {
        return permits.get();
    }
}
