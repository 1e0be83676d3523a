package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A lock as a student writes it once the lecture's bugs are fixed: the owner is taken by one
 * compare-and-set, waiters park in a queue, and the releaser unparks the first of them. Barging
 * by default; {@link #fair()} makes a thread queue behind every waiter that came before it.
 *
 * <p>The broken lock variants extend this class and break one method each.
 *
 * <p>Why no wake-up is lost: a waiter joins the queue <em>before</em> it tries the owner one
 * more time and parks; a releaser frees the owner <em>before</em> it looks at the queue. So
 * either the waiter's try sees the lock free, or the releaser sees the waiter and unparks it
 * (an unpark before the park makes the park return at once). A waiter that leaves without the
 * lock (timeout, interrupt) passes a wake-up it may have swallowed on to the next waiter.
 */
public class FixedLock implements Lock {
    /** Results of {@link #waitForLock}. */
    protected static final int TAKEN = 0;
    protected static final int TAKEN_INTERRUPTED = 1;
    protected static final int TIMED_OUT = 2;
    protected static final int INTERRUPTED = 3;

    protected final AtomicReference<Thread> owner = new AtomicReference<>();
    protected final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();
    private final boolean fair;

    /** A barging lock. */
    public FixedLock() {
        this(false);
    }

    protected FixedLock(boolean fair) {
        this.fair = fair;
    }

    /** A fair lock: no thread takes it while an earlier thread waits in the queue. */
    public static FixedLock fair() {
        return new FixedLock(true);
    }

    protected final boolean isFair() {
        return fair;
    }

    /** One attempt to take the lock for {@code me}; never blocks. */
    protected boolean tryTake(Thread me) {
        if (fair) {
            Thread first = waiters.peek();
            if (first != null && first != me) {
                return false;   // somebody came earlier: queue behind it
            }
        }
        return owner.compareAndSet(null, me);
    }

    /**
     * Waits in the queue until {@code me} takes the lock, the time runs out (when
     * {@code timed}) or the thread is interrupted (when {@code interruptible}).
     *
     * <pre>
     * join the queue
     * while the lock cannot be taken:
     *     park (for the time left); on interrupt: give up, or remember it
     * leave the queue; if the lock is free, wake the next waiter
     * </pre>
     */
    protected int waitForLock(Thread me, boolean interruptible, boolean timed, long nanos) {
        long start = System.nanoTime();
        boolean interrupted = false;
        waiters.add(me);
        try {
            while (!tryTake(me)) {
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
                    if (interruptible) {
                        return INTERRUPTED;
                    }
                    interrupted = true;
                }
            }
            return interrupted ? TAKEN_INTERRUPTED : TAKEN;
        } finally {
            waiters.remove(me);
            if (owner.get() == null) {
                wakeFirstWaiter();
            }
        }
    }

    /** Unparks the first thread in the queue, if any. */
    protected final void wakeFirstWaiter() {
        Thread first = waiters.peek();
        if (first != null) {
            LockSupport.unpark(first);
        }
    }

    @Override
    public void acquire() {
        Thread me = Thread.currentThread();
        if (!tryTake(me) && waitForLock(me, false, false, 0) == TAKEN_INTERRUPTED) {
            me.interrupt();
        }
    }

    @Override
    public void acquireInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        if (!tryTake(me) && waitForLock(me, true, false, 0) == INTERRUPTED) {
            throw new InterruptedException();
        }
    }

    @Override
    public boolean tryAcquire() {
        return tryTake(Thread.currentThread());
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        if (tryTake(me)) {
            return true;
        }
        long nanos = unit.toNanos(timeout);
        if (nanos <= 0) {
            return false;
        }
        int result = waitForLock(me, true, true, nanos);
        if (result == INTERRUPTED) {
            throw new InterruptedException();
        }
        return result == TAKEN;
    }

    @Override
    public void release() {
        if (owner.get() != Thread.currentThread()) {
            throw new IllegalMonitorStateException("release() by a thread that does not hold the lock");
        }
        owner.set(null);
        wakeFirstWaiter();
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return owner.get() == Thread.currentThread();
    }

    @Override
    public Condition newCondition() {
        return new FixedCondition(this);
    }
}
