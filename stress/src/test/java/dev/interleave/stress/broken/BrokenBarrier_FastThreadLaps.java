package dev.interleave.stress.broken;

import dev.interleave.primitives.Barrier;
import dev.interleave.stress.broken.fixed.FixedBarrier;

/**
 * {@code barrier(parties)} whose waiters ask the arrival counter whether their round is over.
 *
 * <p>The last party arrives, sets the counter back to zero and wakes everyone. Before a slow
 * waiter gets to look, a fast party has already run to the barrier again, and the counter says
 * 1: the slow waiter concludes its round is not over and waits again. Now the fast party waits
 * for the slow one in the next round, and the slow one waits for a round that ended: nobody
 * moves.
 *
 * <p>The fix ({@link FixedBarrier#over}): each round is an object; a waiter asks whether
 * <em>its</em> round tripped or broke.
 */
@Defect(kind = DefectKind.DEADLOCK, primitive = Part.BARRIER,
        what = "a waiter decides that its round is over by reading the shared arrival counter, "
                + "which a fast thread of the next round has already changed",
        exposedBy = "the party that trips the barrier (or a woken one) arrives again before a slow waiter re-checks")
public final class BrokenBarrier_FastThreadLaps extends BrokenPrimitives {
    @Override
    public Barrier barrier(int parties) {
        return new CountingBarrier(parties);
    }

    static final class CountingBarrier extends FixedBarrier {
        CountingBarrier(int parties) {
            super(parties);
        }

        @Override
        protected boolean over(Round mine) {
            return mine.broken || arrived == 0;   // BUG: the counter belongs to whichever round is running now
        }
    }
}
