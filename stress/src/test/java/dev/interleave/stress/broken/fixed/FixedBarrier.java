package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A barrier as a student writes it once the lecture's bugs are fixed, on a lock and its
 * condition: each round is an object of its own, so a waiter asks "is <em>my</em> round over?",
 * never "has the counter gone back to zero?" (which the next round may already have changed).
 *
 * <p>The broken barrier variants extend this class and break one method each.
 */
public class FixedBarrier implements Barrier {
    /** One round; broken when a party timed out, was interrupted, or {@code reset()} ran. */
    protected static final class Round {
        public boolean broken;   // guarded by lock
    }

    protected final Lock lock = Given.lock();
    protected final Condition roundOver = lock.newCondition();
    protected final int parties;
    protected int arrived;               // guarded by lock: parties that arrived in this round
    protected Round round = new Round(); // guarded by lock

    public FixedBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1, was " + parties);
        }
        this.parties = parties;
    }

    @Override
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return arrive(false, 0);
        } catch (TimeoutException e) {
            throw new AssertionError("an await without a timeout timed out", e);
        }
    }

    @Override
    public int await(long timeout, TimeUnit unit)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(true, unit.toNanos(timeout));
    }

    /**
     * One arrival.
     *
     * <pre>
     * interrupted: break the round, throw;  round broken: throw
     * count myself; the last one starts the next round (waking everyone) and returns 0
     * else wait until my round is over: tripped (return my index), broken (throw), or time up (break it, throw)
     * </pre>
     */
    protected int arrive(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        lock.acquire();
        try {
            Round mine = round;
            if (Thread.interrupted()) {
                breakRound();
                throw new InterruptedException();
            }
            if (mine.broken) {
                throw new BrokenBarrierException();
            }
            int index = parties - 1 - arrived;
            arrived++;
            if (index == 0) {
                nextRound();
                return 0;
            }
            try {
                if (timed) {
                    roundOver.awaitUntil(() -> over(mine), nanos, TimeUnit.NANOSECONDS);
                } else {
                    while (!over(mine)) {
                        roundOver.await();
                    }
                }
            } catch (InterruptedException e) {
                if (round == mine && !mine.broken) {
                    breakRound();
                    throw e;
                }
                Thread.currentThread().interrupt();   // the round ended first: keep the result, and the interrupt
            }
            if (mine.broken) {
                throw new BrokenBarrierException();
            }
            if (round != mine) {
                return index;
            }
            breakRound();
            throw new TimeoutException();
        } finally {
            lock.release();
        }
    }

    /** Whether the round {@code mine} is over: tripped (a new round began) or broken. */
    protected boolean over(Round mine) {
        return mine.broken || round != mine;
    }

    protected void nextRound() {
        arrived = 0;
        round = new Round();
        roundOver.signalAll();
    }

    protected void breakRound() {
        round.broken = true;
        arrived = 0;
        roundOver.signalAll();
    }

    @Override
    public void reset() {
        lock.acquire();
        try {
            breakRound();
            round = new Round();
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean isBroken() {
        lock.acquire();
        try {
            return round.broken;
        } finally {
            lock.release();
        }
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int waiting() {
        lock.acquire();
        try {
            return arrived;
        } finally {
            lock.release();
        }
    }
}
