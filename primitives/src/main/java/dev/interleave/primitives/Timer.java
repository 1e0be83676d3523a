package dev.interleave.primitives;

import java.util.concurrent.TimeUnit;

/**
 * Python's {@code threading.Timer}: runs an action once after a delay unless cancelled first.
 * Its thread is a daemon; a negative delay counts as 0.
 *
 * <p>Memory consistency: actions before {@link #start()} happen-before the action; the action
 * happens-before a thread's return from {@link #await} with true.
 */
public interface Timer {
    /** {@link IllegalStateException} if started twice; silent (and never runs) after {@link #cancel()}. */
    void start();

    /** True if the action will now never run. */
    boolean cancel();

    /** True once the action ran or the timer was cancelled. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException;
}
