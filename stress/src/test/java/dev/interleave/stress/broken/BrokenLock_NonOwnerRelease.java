package dev.interleave.stress.broken;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedLock;

/**
 * {@code lock()} whose {@code release()} does not check who calls it.
 *
 * <p>A thread that does not hold the lock calls {@code release()}: instead of
 * {@code IllegalMonitorStateException}, the lock is freed under its owner's feet, and a third
 * thread can enter the critical section while the owner is still in it.
 *
 * <p>The fix ({@link FixedLock#release()}): only the owner may release.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.LOCK,
        what = "release() by a thread that does not hold the lock frees it instead of throwing IllegalMonitorStateException",
        exposedBy = "one thread holds the lock, another calls release()")
public final class BrokenLock_NonOwnerRelease extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new AnyoneReleasesLock();
    }

    static final class AnyoneReleasesLock extends FixedLock {
        @Override
        public void release() {
            // BUG: no check that the caller is the owner
            owner.set(null);
            wakeFirstWaiter();
        }
    }
}
