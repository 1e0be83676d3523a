package dev.interleave.primitives;

import java.util.concurrent.TimeUnit;

/**
 * Python's {@code Event}: a flag that threads can wait for.
 *
 * <p>Memory consistency: actions of a thread before {@link #set()} happen-before actions of a
 * thread after it observes the flag set (by {@code await} or {@code isSet}).
 */
public interface Event {
    /**
     * Sets the flag and wakes every waiter; a {@link #clear()} right after does not stop the
     * threads that were waiting (Python's rule).
     */
    void set();

    void clear();

    boolean isSet();

    /** Returns at once if set; else waits for {@link #set()}. */
    void await() throws InterruptedException;

    /** @return the flag's value on return (true for a waiter released by a set, even if cleared since) */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException;
}
