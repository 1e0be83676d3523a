package dev.interleave.primitives;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Python's {@code Barrier}: {@code parties} threads meet; the last to arrive releases them all.
 * Reusable: each trip starts a new round. An interrupted or timed-out waiter breaks the barrier
 * for the others ({@link BrokenBarrierException}), as {@code CyclicBarrier} does.
 *
 * <p>Memory consistency: actions of every party before {@code await} happen-before actions of
 * every party after the {@code await} of the same round returns.
 */
public interface Barrier {
    /** @return the arrival index: parties-1 for the first to arrive ... 0 for the last */
    int await() throws InterruptedException, BrokenBarrierException;

    /** As {@link #await()}; the thread whose time ran out gets {@link TimeoutException} and breaks the barrier. */
    int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException;

    /** Breaks the current round (waiters get {@link BrokenBarrierException}) and starts a fresh one. */
    void reset();

    boolean isBroken();

    int parties();

    /** Parties waiting in the current round. */
    int waiting();
}
