package dev.interleave.stress.harness;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits of the test thread: instead of sleeping and hoping, it waits until what it
 * needs has happened, and fails with a {@link HangError} (and a dump of all threads) if that does
 * not happen within {@link Delays#LONG_DELAY_MS}.
 */
public final class Blocking {
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private Blocking() {}

    /**
     * Waits until {@code thread} is blocked: parked or waiting ({@link Thread.State#WAITING} or
     * {@link Thread.State#TIMED_WAITING}). A thread that finishes instead fails the test: it was
     * expected to wait.
     *
     * <p>A thread blocked on entry to a {@code synchronized} block ({@link Thread.State#BLOCKED})
     * does not count: that wait is for a monitor, not yet for the primitive.
     */
    public static void assertBlocked(Thread thread) {
        assertBlocked(thread, () -> null);
    }

    /** Whether {@code thread} is parked or waiting right now. */
    public static boolean isBlocked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /**
     * Waits until {@code thread} is blocked or has finished: for a thread whose wait is timed and
     * short, which may well be over before the test looks.
     */
    public static void awaitBlockedOrFinished(Thread thread) {
        awaitCondition("thread \"" + thread.getName() + "\" to block or finish",
                () -> isBlocked(thread) || thread.getState() == Thread.State.TERMINATED);
    }

    /** As {@link #assertBlocked(Thread)}; {@code failure} explains a thread that finished instead. */
    static void assertBlocked(Thread thread, Supplier<Throwable> failure) {
        long start = System.nanoTime();
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                Throwable cause = failure.get();
                throw new AssertionError("thread \"" + thread.getName() + "\" was expected to block (wait), "
                        + "but it finished" + (cause == null ? "" : " by throwing " + cause), cause);
            }
            if (Delays.millisSince(start) > Delays.LONG_DELAY_MS) {
                throw new HangError("thread \"" + thread.getName() + "\" did not block within "
                        + Delays.LONG_DELAY_MS + " ms; it is " + state);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Waits until {@code done} is true, polling; fails with a {@link HangError} naming
     * {@code what} after {@link Delays#LONG_DELAY_MS}.
     */
    public static void awaitCondition(String what, BooleanSupplier done) {
        long start = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (Delays.millisSince(start) > Delays.LONG_DELAY_MS) {
                throw new HangError("waited " + Delays.LONG_DELAY_MS + " ms in vain for: " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
