package dev.interleave.stress.broken;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedLock;

/**
 * {@code fairLock()} that lets a newcomer take a free lock ahead of the threads waiting for it.
 *
 * <p>A thread waits in the queue. The owner releases and comes straight back for the lock:
 * the parked waiter has not woken yet, the lock is free, and the owner takes it again. A fair
 * lock promises that no waiter is overtaken by a later arrival; this one lets the same thread
 * overtake it again and again: the waiter starves.
 *
 * <p>The fix ({@link FixedLock#fair()}): a thread may take a free lock only when nobody waits
 * ahead of it in the queue.
 */
@Defect(kind = DefectKind.STARVATION, primitive = Part.FAIR_LOCK,
        what = "the fair lock's take does not look at the queue: a thread arriving at a free lock "
                + "overtakes the waiters (barging)",
        exposedBy = "the owner releases and re-acquires before the woken waiter gets to run")
public final class BrokenFairLock_Barges extends BrokenPrimitives {
    @Override
    public Lock fairLock() {
        return new BargingFairLock();
    }

    static final class BargingFairLock extends FixedLock {
        BargingFairLock() {
            super(true);
        }

        @Override
        protected boolean tryTake(Thread me) {
            return owner.compareAndSet(null, me);   // BUG: never asks whether somebody waits ahead of me
        }
    }
}
