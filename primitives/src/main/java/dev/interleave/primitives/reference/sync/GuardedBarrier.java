package dev.interleave.primitives.reference.sync;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.reference.lock.QueuedLock;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Python's {@code threading.Barrier}, with the rules of {@code java.util.concurrent.CyclicBarrier}:
 * {@code parties} threads meet; the last to arrive releases them all and the barrier is ready for
 * the next round.
 *
 * <p>{@code await} returns the arrival index: {@code parties - 1} for the first to arrive of a
 * round ... {@code 0} for the last. The round breaks, and every thread waiting in it gets
 * {@link BrokenBarrierException}, when a waiter is interrupted (it gets
 * {@link InterruptedException}), when a waiter's time runs out (it gets
 * {@link TimeoutException}), or when {@link #reset()} is called. A broken barrier stays broken,
 * and {@code await} fails at once, until {@code reset()} starts a fresh round.
 *
 * <p>Fairness: not applicable; all waiters of a round are released together. {@code reset},
 * {@code isBroken}, {@code parties} and {@code waiting} never wait for anything but the lock.
 *
 * <p>Memory consistency: actions of every party before {@code await} happen-before actions of
 * every party after the {@code await} of the same round returns.
 *
 * <h2>Implementation note</h2>
 *
 * <p>The algorithm is {@code CyclicBarrier}'s. Each round is a {@link Round} object; a waiter
 * keeps a reference to its own round, so after a trip or a reset it can tell "my round ended"
 * (the barrier's round is another object) from "my round broke" (its own round's flag), even
 * if the barrier has started and broken further rounds since.
 *
 * <p>Invariant: {@code 0 <= parties - count <= parties - 1} is the number of threads waiting in
 * {@code round} when it is not broken; when it is broken, {@code count == parties}.
 *
 * <p>Linearization points, all under {@code lock}: a tripping {@code await} at the arrival that
 * brings {@code count} to 0 (the other waiters of its round linearize there too, in arrival
 * order); a failing {@code await} where it breaks the round or finds it broken; {@code reset} at
 * its break-and-renew; the queries at their reads.
 *
 * <p>Fields (see the package conventions): {@code lock}, {@code roundEnded}, {@code parties}
 * final; {@code count}, {@code round} and {@code Round.broken} guarded, written by arriving
 * threads and by {@code reset()} callers.
 */
public final class GuardedBarrier implements Barrier {
    /** One round of the barrier; replaced when it trips or is reset. */
    private static final class Round {
        /** Guarded by the barrier's lock. */
        boolean broken;
    }

    private final Lock lock = new QueuedLock();
    /** Predicate: the waiter's round tripped (the barrier moved on to a new round) or broke. */
    private final Condition roundEnded = lock.newCondition();
    private final int parties;
    /** Parties still to arrive in the current round. */
    private int count;
    private Round round = new Round();

    /** @throws IllegalArgumentException if {@code parties < 1} */
    public GuardedBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1, was " + parties);
        }
        this.parties = parties;
        this.count = parties;
    }

    @Override
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return arrive(false, 0L);
        } catch (TimeoutException e) {
            throw new AssertionError("an untimed await timed out", e);
        }
    }

    @Override
    public int await(long timeout, TimeUnit unit)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(true, unit.toNanos(timeout));
    }

    @Override
    public void reset() {
        lock.acquire();
        try {
            breakRound();
            startRound();
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
            return parties - count;
        } finally {
            lock.release();
        }
    }

    /**
     * The algorithm: one arrival at the barrier.
     *
     * <pre>
     * 1. interrupted on entry  -> break the round, InterruptedException
     * 2. round broken          -> BrokenBarrierException
     * 3. index = --count; 0    -> start a new round (waking the others), return 0
     * 4. wait until the round tripped or broke, or the time ran out:
     *      interrupted while the round still stands -> break it, InterruptedException
     *      interrupted after it ended               -> keep the flag, carry on at 5
     * 5. round broken          -> BrokenBarrierException
     *    round tripped         -> return index
     *    time ran out          -> break the round, TimeoutException
     * </pre>
     *
     * The lock is acquired uninterruptibly so that step 1 can break the round (as in
     * {@code CyclicBarrier}); {@code Lock.acquire()} keeps the interrupt flag for it.
     */
    private int arrive(boolean timed, long nanos)
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
            int index = --count;
            if (index == 0) {
                startRound();
                return 0;
            }
            try {
                awaitEnd(mine, timed, nanos);
            } catch (InterruptedException e) {
                if (round == mine && !mine.broken) {
                    breakRound();
                    throw e;
                }
                Thread.currentThread().interrupt();
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

    /** Waits until {@code mine} ended or, if timed, the time ran out. Call only while holding lock. */
    private void awaitEnd(Round mine, boolean timed, long nanos) throws InterruptedException {
        if (timed) {
            roundEnded.awaitUntil(() -> ended(mine), nanos, TimeUnit.NANOSECONDS);
        } else {
            while (!ended(mine)) {
                roundEnded.await();
            }
        }
    }

    /** Call only while holding lock. */
    private boolean ended(Round mine) {
        return mine.broken || round != mine;
    }

    /** Breaks the current round and wakes its waiters. Call only while holding lock. */
    private void breakRound() {
        round.broken = true;
        count = parties;
        roundEnded.signalAll();
    }

    /** Wakes the current round's waiters and starts the next round. Call only while holding lock. */
    private void startRound() {
        roundEnded.signalAll();
        count = parties;
        round = new Round();
    }

    @Override
    public String toString() {
        return "GuardedBarrier[parties=" + parties + ", waiting=" + waiting()
                + (isBroken() ? ", broken" : "") + "]";
    }
}
