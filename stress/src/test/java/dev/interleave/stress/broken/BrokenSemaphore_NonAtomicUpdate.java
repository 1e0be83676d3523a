package dev.interleave.stress.broken;

import dev.interleave.primitives.Semaphore;
import dev.interleave.stress.broken.fixed.FixedSemaphore;

/**
 * {@code semaphore(n)} that takes a permit in two steps: read the count, then write it back
 * one smaller.
 *
 * <p>One permit is left; two threads read 1, both write 0, both enter: more threads inside
 * than permits, and a permit is created from nothing on release.
 *
 * <p>The fix ({@link FixedSemaphore#tryAcquire()}): a compare-and-set from the value read.
 */
@Defect(kind = DefectKind.RACE, primitive = Part.SEMAPHORE,
        what = "tryAcquire() reads the permits and writes back one less: a non-atomic update, two threads take the last permit",
        exposedBy = "two threads read the same count before either writes")
public final class BrokenSemaphore_NonAtomicUpdate extends BrokenPrimitives {
    @Override
    public Semaphore semaphore(int permits) {
        return new CountingSemaphore(permits);
    }

    static final class CountingSemaphore extends FixedSemaphore {
        CountingSemaphore(int permits) {
            super(permits, Integer.MAX_VALUE);
        }

        @Override
        public boolean tryAcquire() {
            int available = permits.get();
            if (available > 0) {
                permits.set(available - 1);   // BUG: another thread may have taken a permit since the read
                return true;
            }
            return false;
        }
    }
}
