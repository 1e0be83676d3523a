package dev.interleave.primitives.reference.sync;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Timer;
import dev.interleave.primitives.reference.lock.QueuedLock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code threading.Timer}: runs an action once, on its own daemon thread, after a delay
 * counted from {@link #start()}, unless {@link #cancel() cancelled} first. A negative delay counts
 * as 0.
 *
 * <p>{@code cancel()} returns true when the action will now never run: before the action starts,
 * including before {@code start()} and when already cancelled; it returns false once the action
 * has started. {@code start()} after {@code cancel()} is silent and runs nothing;
 * {@code start()} twice throws {@link IllegalStateException}. {@link #await} returns true once
 * the action has finished or the timer was cancelled. An action that throws still finishes the
 * timer; its exception goes to the timer thread's uncaught-exception handler. An interrupt of the
 * timer thread while it waits out the delay cancels the timer.
 *
 * <p>Progress: {@code start} and {@code cancel} never wait for anything but the lock; in
 * particular {@code cancel} does not wait for a running action.
 *
 * <p>Memory consistency: actions of a thread before {@code start()} happen-before the action; the
 * action happens-before actions of a thread after its {@code await} returns true because the
 * action finished.
 *
 * <h2>Implementation note</h2>
 *
 * <p>A small state machine, every transition under {@code lock}:
 * <pre>
 *   NEW --start--> WAITING --delay elapsed--> RUNNING --action returned or threw--> FINISHED
 *    |                |
 *    +----cancel------+----cancel (or interrupt of the timer thread)--> CANCELLED
 * </pre>
 * The timer thread waits on {@code cancelled} with the remaining delay; {@code await} callers
 * wait on {@code over}. {@code started} is kept apart from the state because a cancelled timer
 * may still be started once.
 *
 * <p>Invariant: the action runs at most once, and only on the timer thread after it moved the
 * state from {@code WAITING} to {@code RUNNING}; only {@code NEW} and {@code WAITING} can become
 * {@code CANCELLED}.
 *
 * <p>Linearization points, all under {@code lock}: {@code start} at its write of
 * {@code started}; {@code cancel} at its read of the state (and write of {@code CANCELLED});
 * the action's start at the move to {@code RUNNING}, its end at the move to {@code FINISHED};
 * {@code await} where it finds {@code FINISHED} or {@code CANCELLED}, or at its last look.
 *
 * <p>Fields (see the package conventions): {@code lock}, both conditions, {@code delayNanos},
 * {@code action} final; {@code started} and {@code deadline} guarded, written by the
 * {@code start()} caller; {@code state} guarded, written by {@code start()} and
 * {@code cancel()} callers and by the timer thread.
 */
public final class GuardedTimer implements Timer {
    private enum State { NEW, WAITING, RUNNING, FINISHED, CANCELLED }

    private final Lock lock = new QueuedLock();
    /** Predicate: the state is {@code CANCELLED}. Awaited by the timer thread alone. */
    private final Condition cancelled = lock.newCondition();
    /** Predicate: the state is {@code FINISHED} or {@code CANCELLED}. */
    private final Condition over = lock.newCondition();
    private final long delayNanos;
    private final Runnable action;
    private State state = State.NEW;
    private boolean started;
    /** {@link System#nanoTime()} at which the action is due; set by {@code start()}. */
    private long deadline;

    /**
     * A timer that will run {@code action} {@code delay} after {@link #start()}.
     *
     * @throws NullPointerException if {@code unit} or {@code action} is null
     */
    public GuardedTimer(long delay, TimeUnit unit, Runnable action) {
        this.delayNanos = Math.max(0L, unit.toNanos(delay));
        this.action = Objects.requireNonNull(action, "action");
    }

    /** @throws IllegalStateException if called twice */
    @Override
    public void start() {
        lock.acquire();
        try {
            if (started) {
                throw new IllegalStateException("timer already started");
            }
            started = true;
            if (state == State.CANCELLED) {
                return;
            }
            state = State.WAITING;
            deadline = System.nanoTime() + delayNanos;
        } finally {
            lock.release();
        }
        Thread thread = new Thread(this::runOnce, "interleave-timer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean cancel() {
        lock.acquire();
        try {
            if (state == State.NEW || state == State.WAITING) {
                state = State.CANCELLED;
                cancelled.signal();
                over.signalAll();
            }
            return state == State.CANCELLED;
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        Interruptibly.acquire(lock);
        try {
            return over.awaitUntil(() -> state == State.FINISHED || state == State.CANCELLED, timeout, unit);
        } finally {
            lock.release();
        }
    }

    /**
     * The timer thread's body.
     *
     * <pre>
     * 1. wait until cancelled or the deadline passed (an interrupt cancels)
     * 2. cancelled -> end
     * 3. WAITING -> RUNNING; run the action outside the lock
     * 4. RUNNING -> FINISHED, wake the await callers, even if the action threw
     * </pre>
     */
    private void runOnce() {
        if (!becomeRunning()) {
            return;
        }
        try {
            action.run();
        } finally {
            finish();
        }
    }

    /** Steps 1-3: true if this thread must now run the action. */
    private boolean becomeRunning() {
        lock.acquire();
        try {
            try {
                long remaining = deadline - System.nanoTime();
                cancelled.awaitUntil(() -> state == State.CANCELLED, remaining, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                cancelInterrupted();
            }
            if (state != State.WAITING) {
                return false;
            }
            state = State.RUNNING;
            return true;
        } finally {
            lock.release();
        }
    }

    /** An interrupt of the timer thread while it waits cancels the timer. Call only while holding lock. */
    private void cancelInterrupted() {
        if (state == State.WAITING) {
            state = State.CANCELLED;
            over.signalAll();
        }
    }

    /** Step 4. */
    private void finish() {
        lock.acquire();
        try {
            state = State.FINISHED;
            over.signalAll();
        } finally {
            lock.release();
        }
    }

    @Override
    public String toString() {
        lock.acquire();
        try {
            return "GuardedTimer[" + state + "]";
        } finally {
            lock.release();
        }
    }
}
