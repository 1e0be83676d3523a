package dev.interleave.stress.broken;

import dev.interleave.primitives.Semaphore;
import dev.interleave.stress.broken.fixed.FixedSemaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code semaphore(n)} whose {@code acquire()} looks once ({@code if}) where it must look
 * until a permit is really there ({@code while}).
 *
 * <p>A waiter parks because no permit is left. It wakes, and takes a permit without looking
 * again. But waking does not mean a permit is there: {@code park()} may return spuriously, and a
 * thread that arrived in between (a barger) may have taken the released permit first. Either
 * way the waiter takes a permit that does not exist: the count goes negative, and one thread
 * too many is inside.
 *
 * <p>The fix ({@link FixedSemaphore#waitForPermit}): {@code while (!tryAcquire()) park()}.
 */
@Defect(kind = DefectKind.RACE, primitive = Part.SEMAPHORE,
        what = "acquire() parks once when no permit is left and then takes one without looking again (if, not while)",
        exposedBy = "a spurious wake-up of the parked waiter, or a barging tryAcquire() between the release and the waiter's wake-up")
public final class BrokenSemaphore_IfInsteadOfWhile extends BrokenPrimitives {
    @Override
    public Semaphore semaphore(int permits) {
        return new TrustingSemaphore(permits);
    }

    static final class TrustingSemaphore extends FixedSemaphore {
        TrustingSemaphore(int permits) {
            super(permits, Integer.MAX_VALUE);
        }

        @Override
        public void acquire() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (tryAcquire()) {
                return;
            }
            Thread me = Thread.currentThread();
            waiters.add(me);
            try {
                if (permits.get() <= 0) {    // BUG: if, not while
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
                permits.decrementAndGet();   // "I was woken, so the permit is mine"
            } finally {
                waiters.remove(me);
                if (permits.get() > 0) {
                    wakeFirstWaiter();
                }
            }
        }
    }
}
