package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.RLock;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A condition as a student writes it once the lecture's bugs are fixed, for any {@link Lock}:
 * a queue of waiters guarded by the lock; {@code await} joins the queue, releases the lock
 * (every hold of an {@link RLock}), parks until a signal marks it, and takes the lock back;
 * {@code signal} marks and unparks the first waiter.
 *
 * <p>The broken condition variants extend this class and break one method each.
 *
 * <p>Why no signal is lost: the queue and the marks change only under the lock. A waiter that
 * timed out or was interrupted looks at its mark only once it holds the lock again; if a signal
 * marked it meanwhile, it keeps that signal (returns as signalled); if not, it leaves the queue,
 * still under the lock, so no later signal can pick it.
 */
public class FixedCondition implements Condition {
    /** A thread waiting on the condition. */
    protected static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean signalled;
    }

    protected final Lock lock;
    protected final ArrayDeque<Waiter> waiters = new ArrayDeque<>();   // guarded by lock

    public FixedCondition(Lock lock) {
        this.lock = lock;
    }

    protected final void checkHeld() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("the condition's lock is not held by the calling thread");
        }
    }

    /** Releases every hold of the calling thread; returns how many to take back. */
    protected int releaseAll() {
        int holds = lock instanceof RLock reentrant ? reentrant.holdCount() : 1;
        for (int i = 0; i < holds; i++) {
            lock.release();
        }
        return holds;
    }

    /** Takes back {@code holds} holds, uninterruptibly; true if an interrupt came meanwhile. */
    protected boolean reacquire(int holds) {
        for (int i = 0; i < holds; i++) {
            lock.acquire();
        }
        return Thread.interrupted();
    }

    /**
     * The one wait of every await method.
     *
     * <pre>
     * join the queue, release the lock
     * while not signalled: park (for the time left); stop on interrupt or when the time is up
     * take the lock back
     * signalled: keep the signal (and the interrupt, if any): true
     * else: leave the queue; interrupted: throw; timed out: false
     * </pre>
     */
    protected boolean waitForSignal(boolean timed, long nanos) throws InterruptedException {
        checkHeld();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (timed && nanos <= 0) {
            return false;
        }
        Waiter me = new Waiter();
        waiters.add(me);
        int holds = releaseAll();
        long start = System.nanoTime();
        boolean interrupted = false;
        boolean timedOut = false;
        while (!me.signalled) {
            if (timed) {
                long left = nanos - (System.nanoTime() - start);
                if (left <= 0) {
                    timedOut = true;
                    break;
                }
                LockSupport.parkNanos(this, left);
            } else {
                LockSupport.park(this);
            }
            if (Thread.interrupted()) {
                interrupted = true;
                break;
            }
        }
        interrupted |= reacquire(holds);
        return afterWait(me, interrupted, timedOut);
    }

    /**
     * Back under the lock: what the wait of {@code me} amounts to (see {@link #waitForSignal}).
     * A signal that came while the waiter was timing out or being interrupted is kept.
     */
    protected boolean afterWait(Waiter me, boolean interrupted, boolean timedOut) throws InterruptedException {
        if (me.signalled) {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return true;
        }
        waiters.remove(me);
        if (interrupted) {
            throw new InterruptedException();
        }
        return false;
    }

    @Override
    public void await() throws InterruptedException {
        waitForSignal(false, 0);
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return waitForSignal(true, unit.toNanos(timeout));
    }

    @Override
    public boolean awaitUntil(BooleanSupplier predicate, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        checkHeld();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = unit.toNanos(timeout);
        long start = System.nanoTime();
        boolean result = predicate.getAsBoolean();
        if (nanos <= 0) {
            return result;
        }
        while (!result) {
            long left = nanos - (System.nanoTime() - start);
            if (left <= 0) {
                break;
            }
            waitForSignal(true, left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    @Override
    public void signal() {
        checkHeld();
        Waiter first = waiters.poll();
        if (first != null) {
            first.signalled = true;
            LockSupport.unpark(first.thread);
        }
    }

    @Override
    public void signalAll() {
        checkHeld();
        for (Waiter waiter = waiters.poll(); waiter != null; waiter = waiters.poll()) {
            waiter.signalled = true;
            LockSupport.unpark(waiter.thread);
        }
    }
}
