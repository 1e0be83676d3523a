package dev.interleave.stress.independent;

/** Small helpers for timed {@link Object#wait} with nanosecond deadlines. */
final class Waits {
    private Waits() {}

    /**
     * Waits on {@code monitor} (which the caller holds) for at most {@code nanos} nanoseconds,
     * which must be positive. {@code Object.wait(millis, nanos)} rounds a remainder up to the
     * next millisecond, so a positive amount never turns into "wait forever".
     */
    static void waitNanos(Object monitor, long nanos) throws InterruptedException {
        long millis = nanos / 1_000_000L;
        int rest = (int) (nanos % 1_000_000L);
        monitor.wait(millis, rest);
    }

    /** Nanoseconds left until {@code deadline} (a {@link System#nanoTime()} value). */
    static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }
}
