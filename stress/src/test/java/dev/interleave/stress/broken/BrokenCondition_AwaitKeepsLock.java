package dev.interleave.stress.broken;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedCondition;
import dev.interleave.stress.broken.fixed.FixedLock;

/**
 * The conditions of {@code lock()}, whose {@code await} keeps the lock while it waits.
 *
 * <p>A consumer holds the lock and awaits "not empty". The producer must take the lock to put
 * an item and signal, but the consumer never let go of it: the producer waits for the lock, the
 * consumer waits for the signal, and neither moves again.
 *
 * <p>The fix ({@link FixedCondition#waitForSignal}): release the lock (every hold) before
 * parking, take it back after.
 */
@Defect(kind = DefectKind.DEADLOCK, primitive = Part.CONDITION,
        what = "await() waits without releasing the lock, so nobody can take the lock to signal it",
        exposedBy = "a waiter awaits; the signaller blocks on the lock the waiter still holds")
public final class BrokenCondition_AwaitKeepsLock extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new FixedLock() {
            @Override
            public Condition newCondition() {
                return new GreedyCondition(this);
            }
        };
    }

    static final class GreedyCondition extends FixedCondition {
        GreedyCondition(Lock lock) {
            super(lock);
        }

        @Override
        protected int releaseAll() {
            return 0;   // BUG: "I hold the lock, I keep it while I wait"
        }
    }
}
