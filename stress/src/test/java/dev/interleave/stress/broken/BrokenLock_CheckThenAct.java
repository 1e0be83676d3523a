package dev.interleave.stress.broken;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedLock;

/**
 * {@code lock()} that looks whether the lock is free, then takes it, in two steps.
 *
 * <p>Two threads call {@code tryAcquire()} on a free lock. Both read "free", then both write
 * themselves as the owner: both return true, and both are in the critical section. The look and
 * the take must be one indivisible step.
 *
 * <p>The fix ({@link FixedLock}): {@code owner.compareAndSet(null, me)}.
 */
@Defect(kind = DefectKind.RACE, primitive = Part.LOCK,
        what = "tryAcquire() checks that the owner is null, then sets it: check-then-act, two owners",
        exposedBy = "two threads both read 'free' before either writes itself as the owner")
public final class BrokenLock_CheckThenAct extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new CheckThenActLock();
    }

    static final class CheckThenActLock extends FixedLock {
        @Override
        protected boolean tryTake(Thread me) {
            if (owner.get() == null) {      // BUG: look ...
                owner.set(me);              // ... then take: another thread may have taken it in between
                return true;
            }
            return false;
        }
    }
}
