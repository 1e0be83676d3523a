package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.RLock;

/**
 * A reentrant lock as a student writes it once the lecture's bugs are fixed: {@link FixedLock},
 * plus a count of the owner's holds. The owner may take the lock again (one more hold); each
 * release gives back one hold, and the last one frees the lock.
 *
 * <p>The broken RLock variants extend this class and break one method each.
 */
public class FixedRLock extends FixedLock implements RLock {
    /** Holds of the owner; read and written only by the owner. */
    protected int holds;

    @Override
    protected boolean tryTake(Thread me) {
        if (owner.get() == me) {
            holds++;
            return true;
        }
        if (owner.compareAndSet(null, me)) {
            holds = 1;
            return true;
        }
        return false;
    }

    @Override
    public void release() {
        if (owner.get() != Thread.currentThread()) {
            throw new IllegalMonitorStateException("release() by a thread that does not hold the lock");
        }
        if (--holds == 0) {
            owner.set(null);
            wakeFirstWaiter();
        }
    }

    @Override
    public int holdCount() {
        return owner.get() == Thread.currentThread() ? holds : 0;
    }
}
