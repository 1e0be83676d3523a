package dev.interleave.stress.harness;

/** The body of a worker thread: may throw anything, and whatever it throws fails the test. */
@FunctionalInterface
public interface CheckedRunnable {
    void run() throws Throwable;
}
