package dev.interleave.stress.broken;

import dev.interleave.primitives.Barrier;
import dev.interleave.stress.broken.fixed.FixedBarrier;

/**
 * {@code barrier(parties)} whose {@code reset()} only sets the counter back to zero.
 *
 * <p>Two of three parties wait. {@code reset()} starts counting again, but the waiters are
 * neither told that their round is broken nor woken: they wait for ever for a round that will
 * never trip, instead of getting {@code BrokenBarrierException}.
 *
 * <p>The fix ({@link FixedBarrier#reset()}): break the current round (which wakes its waiters
 * with {@code BrokenBarrierException}), then start a fresh one.
 */
@Defect(kind = DefectKind.LOST_WAKEUP, primitive = Part.BARRIER,
        what = "reset() sets the arrival counter back to zero without breaking the round: its waiters are never woken",
        exposedBy = "reset() while parties wait at the barrier")
public final class BrokenBarrier_ResetKeepsWaiters extends BrokenPrimitives {
    @Override
    public Barrier barrier(int parties) {
        return new ForgetfulBarrier(parties);
    }

    static final class ForgetfulBarrier extends FixedBarrier {
        ForgetfulBarrier(int parties) {
            super(parties);
        }

        @Override
        public void reset() {
            lock.acquire();
            try {
                arrived = 0;   // BUG: the waiters of the current round are not broken, nor woken
            } finally {
                lock.release();
            }
        }
    }
}
