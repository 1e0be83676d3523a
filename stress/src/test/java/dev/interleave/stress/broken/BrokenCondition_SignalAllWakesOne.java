package dev.interleave.stress.broken;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedCondition;
import dev.interleave.stress.broken.fixed.FixedLock;

/**
 * The conditions of {@code lock()}, whose {@code signalAll()} wakes only one waiter.
 *
 * <p>Three threads wait for "ready". The signaller makes it true and calls {@code signalAll()}:
 * one waiter wakes, the other two wait for ever for a predicate that has long been true.
 *
 * <p>The fix ({@link FixedCondition#signalAll()}): wake every waiter in the queue.
 */
@Defect(kind = DefectKind.LOST_WAKEUP, primitive = Part.CONDITION,
        what = "signalAll() wakes only the first waiter",
        exposedBy = "several threads wait; one signalAll() must release them all")
public final class BrokenCondition_SignalAllWakesOne extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new FixedLock() {
            @Override
            public Condition newCondition() {
                return new StingyCondition(this);
            }
        };
    }

    static final class StingyCondition extends FixedCondition {
        StingyCondition(Lock lock) {
            super(lock);
        }

        @Override
        public void signalAll() {
            signal();   // BUG: "signal everybody" implemented as "signal somebody"
        }
    }
}
