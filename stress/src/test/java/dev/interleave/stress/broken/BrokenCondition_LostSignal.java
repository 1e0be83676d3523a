package dev.interleave.stress.broken;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedCondition;
import dev.interleave.stress.broken.fixed.FixedLock;

/**
 * The conditions of {@code lock()}, where a signal can go to a waiter that is timing out, and
 * be lost.
 *
 * <p>Two threads wait; the first one's time runs out, and while it waits to take the lock back,
 * a {@code signal()} picks it (it is still first in line). It then reports its timeout and drops
 * the signal. The second waiter, for whom the signal was meant, waits for ever.
 *
 * <p>The fix ({@link FixedCondition#afterWait}): back under the lock, a waiter that was
 * signalled counts as signalled, even if its time ran out meanwhile.
 */
@Defect(kind = DefectKind.LOST_WAKEUP, primitive = Part.CONDITION,
        what = "a waiter whose time ran out returns false even when a signal picked it meanwhile: the signal is lost",
        exposedBy = "signal() picks the first waiter just after its timeout, before it took the lock back")
public final class BrokenCondition_LostSignal extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new FixedLock() {
            @Override
            public Condition newCondition() {
                return new SignalDroppingCondition(this);
            }
        };
    }

    static final class SignalDroppingCondition extends FixedCondition {
        SignalDroppingCondition(Lock lock) {
            super(lock);
        }

        @Override
        protected boolean afterWait(Waiter me, boolean interrupted, boolean timedOut) throws InterruptedException {
            if (timedOut) {
                waiters.remove(me);
                return false;      // BUG: "my time ran out" -- and the signal that picked me meanwhile is dropped
            }
            return super.afterWait(me, interrupted, false);
        }
    }
}
