package dev.interleave.stress.independent;

import dev.interleave.primitives.Barrier;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Cyclic barrier on one monitor. Every round has its own {@link Round} object, so a waiter can
 * tell "my round tripped" (the current round is another object) from "my round broke".
 */
final class MonitorBarrier implements Barrier {
    private static final class Round {
        boolean broken; // guarded by the barrier's monitor
    }

    private final Object monitor = new Object();
    private final int parties;
    private Round round = new Round(); // guarded by monitor
    private int missing; // guarded by monitor: parties still to arrive in this round

    MonitorBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1: " + parties);
        }
        this.parties = parties;
        this.missing = parties;
    }

    @Override
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return meet(false, 0L);
        } catch (TimeoutException e) {
            throw new AssertionError("an untimed wait cannot time out", e);
        }
    }

    @Override
    public int await(long timeout, TimeUnit unit)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        return meet(true, unit.toNanos(timeout));
    }

    private int meet(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        synchronized (monitor) {
            Round mine = round;
            if (Thread.interrupted()) {
                breakRound();
                throw new InterruptedException();
            }
            if (mine.broken) {
                throw new BrokenBarrierException();
            }
            int index = --missing;
            if (index == 0) {
                nextRound();
                return 0;
            }
            if (timed && nanos <= 0) {
                breakRound();
                throw new TimeoutException();
            }
            long deadline = timed ? System.nanoTime() + nanos : 0L;
            for (;;) {
                try {
                    if (!timed) {
                        monitor.wait();
                    } else {
                        long left = Waits.remaining(deadline);
                        if (left <= 0) {
                            breakRound();
                            throw new TimeoutException();
                        }
                        Waits.waitNanos(monitor, left);
                    }
                } catch (InterruptedException e) {
                    if (mine == round && !mine.broken) {
                        breakRound();
                        throw e;
                    }
                    // The round is already over (tripped or broken): finish as it did, keep the interrupt.
                    Thread.currentThread().interrupt();
                }
                if (mine.broken) {
                    throw new BrokenBarrierException();
                }
                if (mine != round) {
                    return index;
                }
            }
        }
    }

    /** Caller holds monitor. */
    private void breakRound() {
        round.broken = true;
        missing = parties;
        monitor.notifyAll();
    }

    /** Caller holds monitor. */
    private void nextRound() {
        monitor.notifyAll();
        missing = parties;
        round = new Round();
    }

    @Override
    public void reset() {
        synchronized (monitor) {
            breakRound();
            nextRound();
        }
    }

    @Override
    public boolean isBroken() {
        synchronized (monitor) {
            return round.broken;
        }
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int waiting() {
        synchronized (monitor) {
            return parties - missing;
        }
    }
}
