package dev.interleave.stress.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

/**
 * Every delay and time bound of the harness, as named constants scaled by one factor.
 *
 * <p>The factor is the system property {@code interleave.timeFactor} (a positive number, 1 by
 * default); raise it on a slow or loaded machine and every delay, timeout and bound grows with
 * it. Tests never write a literal duration: they use these constants.
 *
 * <ul>
 *   <li>{@link #SHORT_DELAY_MS}: a delay that must really elapse, e.g. a timeout that a test
 *       lets run out. Keep its uses few: each one costs that much wall time.
 *   <li>{@link #LONG_DELAY_MS}: the bound on anything that must eventually happen (a thread
 *       that must block, finish or wake). A correct implementation never comes near it; going
 *       past it is a hang, and the harness fails with a dump of all threads.
 *   <li>{@link #TEST_TIMEOUT_MS}: the bound on a whole test method (see {@link TimeBound}).
 * </ul>
 */
public final class Delays {
    /** The system property that scales every delay. */
    public static final String TIME_FACTOR_PROPERTY = "interleave.timeFactor";

    /** The factor read from {@value #TIME_FACTOR_PROPERTY}. */
    public static final double TIME_FACTOR = timeFactor();

    /** A delay that must elapse: about 50 ms times the factor. */
    public static final long SHORT_DELAY_MS = scaled(50);

    /** The bound on anything that must eventually happen: about 10 s times the factor. */
    public static final long LONG_DELAY_MS = scaled(10_000);

    /** The bound on one test method: two {@link #LONG_DELAY_MS}. */
    public static final long TEST_TIMEOUT_MS = 2 * LONG_DELAY_MS;

    private Delays() {}

    private static double timeFactor() {
        String value = System.getProperty(TIME_FACTOR_PROPERTY);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            double factor = Double.parseDouble(value.trim());
            if (factor > 0 && Double.isFinite(factor)) {
                return factor;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + TIME_FACTOR_PROPERTY + "=" + value
                + " is not a positive number");
    }

    private static long scaled(long millis) {
        return Math.max(1, Math.round(millis * TIME_FACTOR));
    }

    /** Milliseconds elapsed since {@code startNanos} (a {@link System#nanoTime()} value). */
    public static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /**
     * Asserts that at least {@code timeoutMs} elapsed since {@code startNanos}: a timed wait that
     * reports its time ran out must really have waited that long. A few milliseconds of slack
     * allow for implementations that round their deadline to whole milliseconds.
     */
    public static void assertWaitedAtLeast(long startNanos, long timeoutMs, String what) {
        long elapsedNanos = System.nanoTime() - startNanos;
        long slackNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(2, timeoutMs / 20));
        assertTrue(elapsedNanos >= TimeUnit.MILLISECONDS.toNanos(timeoutMs) - slackNanos,
                () -> what + " reported that its time ran out after "
                        + TimeUnit.NANOSECONDS.toMicros(elapsedNanos) / 1000.0 + " ms, before its timeout of "
                        + timeoutMs + " ms");
    }

    /** Sleeps {@code millis}; an interrupt ends the sleep early and stays set. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
