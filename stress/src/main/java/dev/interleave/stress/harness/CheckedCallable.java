package dev.interleave.stress.harness;

/** The body of a worker thread that returns a result; whatever it throws fails the test. */
@FunctionalInterface
public interface CheckedCallable<T> {
    T call() throws Throwable;
}
