package dev.interleave.stress.broken;

import dev.interleave.primitives.Semaphore;
import dev.interleave.stress.broken.fixed.FixedSemaphore;

/**
 * {@code boundedSemaphore(n)} that checks its bound, then adds the permit, in two steps.
 *
 * <p>One permit is out. Two threads release at once: both see the count below the bound, both
 * add a permit: the semaphore now has more permits than it started with, which a bounded
 * semaphore must refuse ({@code IllegalStateException} for the second release). One release at
 * a time, the check works.
 *
 * <p>The fix ({@link FixedSemaphore#release()}): check and add in one compare-and-set.
 */
@Defect(kind = DefectKind.RACE, primitive = Part.BOUNDED_SEMAPHORE,
        what = "release() checks the bound, then increments: two concurrent releases both pass the check (over-release)",
        exposedBy = "two threads release the same missing permit at once")
public final class BrokenBoundedSemaphore_OverRelease extends BrokenPrimitives {
    @Override
    public Semaphore boundedSemaphore(int permits) {
        return new LeakyBoundedSemaphore(permits);
    }

    static final class LeakyBoundedSemaphore extends FixedSemaphore {
        LeakyBoundedSemaphore(int permits) {
            super(permits, permits);
        }

        @Override
        public void release() {
            if (permits.get() >= bound) {      // BUG: check ...
                throw new IllegalStateException("release() would pass the bound of " + bound + " permits");
            }
            permits.incrementAndGet();         // ... then act: another release may have passed the check too
            wakeFirstWaiter();
        }
    }
}
