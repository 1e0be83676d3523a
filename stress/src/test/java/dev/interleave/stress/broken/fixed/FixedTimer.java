package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A timer as a student writes it once the lecture's bugs are fixed: {@code start} begins a daemon
 * thread that waits out the delay <em>on a condition</em>, so that {@code cancel} can wake it,
 * and runs the action only if nobody cancelled meanwhile; the decision and the cancel are made
 * under the same lock, so {@code cancel} tells the truth.
 *
 * <p>The broken timer variants extend this class and break one method each.
 */
public class FixedTimer implements Timer {
    protected enum State { NEW, WAITING, RUNNING, DONE, CANCELLED }

    protected final Lock lock = Given.lock();
    protected final Condition changed = lock.newCondition();
    protected final long delayNanos;
    protected final Runnable action;
    protected State state = State.NEW;   // guarded by lock
    protected boolean started;           // guarded by lock

    public FixedTimer(long delay, TimeUnit unit, Runnable action) {
        this.delayNanos = Math.max(0, unit.toNanos(delay));
        this.action = Objects.requireNonNull(action, "action");
    }

    @Override
    public void start() {
        lock.acquire();
        try {
            if (started) {
                throw new IllegalStateException("the timer was started already");
            }
            started = true;
            if (state == State.CANCELLED) {
                return;
            }
            state = State.WAITING;
        } finally {
            lock.release();
        }
        Thread thread = new Thread(this::runTimer, "fixed-timer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The timer's thread: waits out the delay unless cancelled, then runs the action once. */
    protected void runTimer() {
        lock.acquire();
        try {
            try {
                changed.awaitUntil(() -> state != State.WAITING, delayNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                state = State.CANCELLED;   // nobody interrupts this thread; if someone does, it gives up
                changed.signalAll();
            }
            if (state != State.WAITING) {
                return;
            }
            state = State.RUNNING;
        } finally {
            lock.release();
        }
        try {
            action.run();
        } finally {
            finish();
        }
    }

    protected void finish() {
        lock.acquire();
        try {
            state = State.DONE;
            changed.signalAll();
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean cancel() {
        lock.acquire();
        try {
            if (state == State.NEW || state == State.WAITING) {
                state = State.CANCELLED;
                changed.signalAll();
            }
            return state == State.CANCELLED;
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            return changed.awaitUntil(() -> state == State.DONE || state == State.CANCELLED, timeout, unit);
        } finally {
            lock.release();
        }
    }
}
