package dev.interleave.stress.jcstress;

/**
 * The bound on every blocking call inside a jcstress actor, and the value an actor records when
 * that bound ran out.
 *
 * <p>An actor that waits for its partner (a waiter for a signal, a taker for a put) never waits
 * forever: a primitive that loses a wake-up would otherwise hang the test. It waits at most
 * {@link #WAIT_MS}, then records {@link #NEVER}, an outcome every test forbids. A correct
 * primitive never comes near the bound: the partner is a few instructions away.
 *
 * <p>The bound scales with {@code -Dinterleave.timeFactor}, like every delay of the harness.
 */
final class Bounds {
    /** The system property that scales every delay and bound. */
    static final String TIME_FACTOR_PROPERTY = "interleave.timeFactor";

    /**
     * The longest an actor waits for its partner: 5 s times the time factor, far above the
     * microseconds a correct primitive takes, even on a loaded machine.
     */
    static final long WAIT_MS = scaled(5_000);

    /** What an actor records when it waited {@link #WAIT_MS} in vain. */
    static final int NEVER = -1;

    private Bounds() {}

    /**
     * The failure for an interrupt that nothing in a jcstress test ever sends: the actor stops
     * with an error, which the run reports.
     */
    static IllegalStateException unexpected(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("an actor was interrupted, which no jcstress test does", e);
    }

    private static long scaled(long millis) {
        String value = System.getProperty(TIME_FACTOR_PROPERTY, "").trim();
        double factor = 1;
        if (!value.isEmpty()) {
            try {
                factor = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + TIME_FACTOR_PROPERTY + "=" + value
                        + " is not a positive number", e);
            }
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("-D" + TIME_FACTOR_PROPERTY + "=" + value + " is not a positive number");
        }
        return Math.max(1, Math.round(millis * factor));
    }
}
