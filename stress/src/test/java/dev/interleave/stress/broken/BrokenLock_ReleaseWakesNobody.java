package dev.interleave.stress.broken;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedLock;

/**
 * {@code lock()} whose {@code release()} frees the lock but wakes nobody.
 *
 * <p>A thread that found the lock held parks in the queue. The owner releases: the lock is free,
 * but the parked thread is never unparked, and waits for ever for a lock nobody holds.
 *
 * <p>The fix ({@link FixedLock#release()}): after freeing the lock, unpark the first waiter.
 */
@Defect(kind = DefectKind.LOST_WAKEUP, primitive = Part.LOCK,
        what = "release() sets the owner to null and forgets to unpark the first waiter",
        exposedBy = "a thread parks waiting for the lock; the owner releases; nobody wakes the parked thread")
public final class BrokenLock_ReleaseWakesNobody extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new SilentReleaseLock();
    }

    static final class SilentReleaseLock extends FixedLock {
        @Override
        public void release() {
            if (owner.get() != Thread.currentThread()) {
                throw new IllegalMonitorStateException("release() by a thread that does not hold the lock");
            }
            owner.set(null);
            // BUG: no wakeFirstWaiter(): a parked waiter sleeps on
        }
    }
}
