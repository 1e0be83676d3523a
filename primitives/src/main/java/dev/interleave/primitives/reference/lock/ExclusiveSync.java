package dev.interleave.primitives.reference.lock;

/**
 * The state of a non-reentrant lock: 0 free, 1 held. Two tiny variants decide whether a
 * newcomer may take a free lock ahead of queued waiters.
 *
 * <p>Linearization points: acquire at the successful CAS of {@code state} from 0 to 1; release
 * at the volatile write of 0.
 */
abstract class ExclusiveSync extends QueuedSynchronizer {

    @Override
    final boolean tryAcquireState(int arg) {
        if (state() == 0 && mayTakeFreeLock() && casState(0, 1)) {
            setOwner(Thread.currentThread());
            return true;
        }
        return false;
    }

    /** Whether the calling thread may take the lock when it is free. */
    abstract boolean mayTakeFreeLock();

    @Override
    final boolean tryReleaseState(int arg) {
        if (owner() != Thread.currentThread() || state() == 0) {
            throw new IllegalMonitorStateException("release by a thread that does not hold the lock");
        }
        setOwner(null);
        setState(0);
        return true;
    }

    /** Barging: a newcomer takes a free lock even when others wait (higher throughput, no FIFO promise). */
    static final class Barging extends ExclusiveSync {
        @Override
        boolean mayTakeFreeLock() {
            return true;
        }
    }

    /** Fair: a free lock goes to the longest waiter; a newcomer queues behind every waiter. */
    static final class Fair extends ExclusiveSync {
        @Override
        boolean mayTakeFreeLock() {
            return !hasQueuedPredecessors();
        }

        @Override
        boolean spinsBeforePark() {
            return true;
        }
    }
}
