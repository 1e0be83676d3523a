package dev.interleave.stress.broken;

import dev.interleave.primitives.RLock;
import dev.interleave.stress.broken.fixed.FixedRLock;

/**
 * {@code rlock()} whose {@code release()} gives back every hold at once.
 *
 * <p>The owner acquired twice (an outer and an inner critical section). The inner section ends
 * with a release, which frees the lock: another thread enters while the owner is still in its
 * outer section.
 *
 * <p>The fix ({@link FixedRLock#release()}): each release gives back one hold; only the last
 * frees the lock.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.RLOCK,
        what = "release() sets the hold count to zero and frees the lock, whatever the count was",
        exposedBy = "a thread that acquired twice releases once")
public final class BrokenRLock_ReleasesAllHolds extends BrokenPrimitives {
    @Override
    public RLock rlock() {
        return new AllAtOnceRLock();
    }

    static final class AllAtOnceRLock extends FixedRLock {
        @Override
        public void release() {
            if (owner.get() != Thread.currentThread()) {
                throw new IllegalMonitorStateException("release() by a thread that does not hold the lock");
            }
            holds = 0;            // BUG: should be --holds, and free the lock only at zero
            owner.set(null);
            wakeFirstWaiter();
        }
    }
}
