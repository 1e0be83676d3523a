package example.locks;

import dev.interleave.primitives.Barrier;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's Barrier, in the manner of {@code CyclicBarrier}: parties wait on one condition; each
 * round is an object of its own, so a waiter can tell "my round tripped" (a new round began) from
 * "my round broke" (its round is marked broken) whatever happened after. A waiter that times
 * out or is interrupted breaks its round for the others; {@code reset()} breaks the current round
 * and begins a fresh one.
 */
final class RoundBarrier implements Barrier {
    private static final class Round {
        boolean broken;   // guarded by the barrier's lock
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roundOver = lock.newCondition();
    private final int parties;
    private Round round = new Round();   // guarded by lock
    private int arrived;                 // parties waiting in the current round; guarded by lock

    RoundBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, was " + parties);
        }
        this.parties = parties;
    }

    @Override
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return arrive(false, 0);
        } catch (TimeoutException cannotHappen) {
            throw new AssertionError("an untimed await timed out", cannotHappen);
        }
    }

    @Override
    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(true, unit.toNanos(timeout));
    }

    /**
     * Arrives and waits for the round to end:
     * 1. interrupted on entry: break the round, throw;
     * 2. the round is broken: throw;
     * 3. the last to arrive trips the round: wake everyone, begin a new round, return 0;
     * 4. else wait until the round trips (return the arrival index) or breaks (throw), or until
     *    this thread's time runs out or it is interrupted (break the round, throw).
     */
    private int arrive(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        lock.lock();
        try {
            Round mine = round;
            if (Thread.interrupted()) {
                breakRound();
                throw new InterruptedException();
            }
            if (mine.broken) {
                throw new BrokenBarrierException();
            }
            int index = parties - ++arrived;
            if (index == 0) {
                round = new Round();
                arrived = 0;
                roundOver.signalAll();
                return 0;
            }
            while (true) {
                try {
                    if (!timed) {
                        roundOver.await();
                    } else if (nanos > 0) {
                        nanos = roundOver.awaitNanos(nanos);
                    }
                } catch (InterruptedException e) {
                    if (mine == round && !mine.broken) {
                        breakRound();
                        throw e;
                    }
                    Thread.currentThread().interrupt();   // the round ended anyway: keep its outcome
                }
                if (mine.broken) {
                    throw new BrokenBarrierException();
                }
                if (mine != round) {
                    return index;
                }
                if (timed && nanos <= 0) {
                    breakRound();
                    throw new TimeoutException();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Call only while holding lock. */
    private void breakRound() {
        round.broken = true;
        arrived = 0;
        roundOver.signalAll();
    }

    @Override
    public void reset() {
        lock.lock();
        try {
            breakRound();
            round = new Round();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isBroken() {
        lock.lock();
        try {
            return round.broken;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int waiting() {
        lock.lock();
        try {
            return arrived;
        } finally {
            lock.unlock();
        }
    }
}
