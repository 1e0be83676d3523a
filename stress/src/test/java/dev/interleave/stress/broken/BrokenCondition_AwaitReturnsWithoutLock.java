package dev.interleave.stress.broken;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedCondition;
import dev.interleave.stress.broken.fixed.FixedLock;

/**
 * The conditions of {@code lock()}, whose {@code await} returns without taking the lock back.
 *
 * <p>A consumer awaits "not empty" and is signalled: it returns and reads the buffer, but it no
 * longer holds the lock, so another thread may change the buffer under it; and its final
 * {@code release()} fails, because it holds nothing.
 *
 * <p>The fix ({@link FixedCondition#waitForSignal}): take the lock back (every hold) before
 * returning, whether signalled, timed out or interrupted.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.CONDITION,
        what = "await() releases the lock and returns without re-acquiring it",
        exposedBy = "a signalled waiter returns and touches the guarded state without the lock")
public final class BrokenCondition_AwaitReturnsWithoutLock extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new FixedLock() {
            @Override
            public Condition newCondition() {
                return new LockLosingCondition(this);
            }
        };
    }

    static final class LockLosingCondition extends FixedCondition {
        LockLosingCondition(Lock lock) {
            super(lock);
        }

        @Override
        protected boolean reacquire(int holds) {
            return Thread.interrupted();   // BUG: "the signaller has the lock anyway": never takes it back
        }
    }
}
