package dev.interleave.primitives;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A condition bound to the lock that made it. Every method requires the caller to hold that
 * lock, else {@link IllegalMonitorStateException}.
 *
 * <p>{@code await} may wake spuriously: callers wait in a loop ({@code while (!predicate) cond.await();}).
 * A signal is never lost to a waiter that times out or is interrupted: it goes to another waiter.
 *
 * <p>Memory consistency: actions of a thread before it signals happen-before actions of the
 * woken thread after it returns from {@code await} (both run under the same lock).
 */
public interface Condition {
    /** Releases the lock (all holds of an RLock), waits until signalled, re-acquires. */
    void await() throws InterruptedException;

    /** As {@link #await()}, at most {@code timeout}; false when the time ran out ({@code <= 0}: false at once). */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException;

    /** Python's {@code wait_for}: waits until predicate is true or time runs out; returns the predicate's last value. */
    boolean awaitUntil(BooleanSupplier predicate, long timeout, TimeUnit unit) throws InterruptedException;

    /** Wakes one waiter, if any. */
    void signal();

    /** Wakes every waiter. */
    void signalAll();
}
