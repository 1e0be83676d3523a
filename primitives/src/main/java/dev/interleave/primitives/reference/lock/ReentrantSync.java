package dev.interleave.primitives.reference.lock;

/**
 * The state of a reentrant lock: the owner's hold count (0 free). Barging, like
 * {@link ExclusiveSync.Barging}.
 *
 * <p>Linearization points: the first acquire at the CAS of {@code state} from 0; a nested
 * acquire or release at its volatile write of the count (only the owner writes then); the
 * final release at the write of 0.
 */
final class ReentrantSync extends QueuedSynchronizer {

    @Override
    boolean tryAcquireState(int arg) {
        Thread current = Thread.currentThread();
        int c = state();
        if (c == 0) {
            if (casState(0, arg)) {
                setOwner(current);
                return true;
            }
            return false;
        }
        if (owner() == current) {
            int next = c + arg;
            if (next < 0) {
                throw new Error("maximum hold count of an RLock exceeded");
            }
            setState(next);
            return true;
        }
        return false;
    }

    @Override
    boolean tryReleaseState(int arg) {
        if (owner() != Thread.currentThread() || state() == 0) {
            throw new IllegalMonitorStateException("release by a thread that does not hold the RLock");
        }
        int c = state() - arg;
        boolean free = c == 0;
        if (free) {
            setOwner(null);
        }
        setState(c);
        return free;
    }
}
