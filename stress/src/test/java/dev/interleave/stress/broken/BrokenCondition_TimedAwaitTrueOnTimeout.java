package dev.interleave.stress.broken;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedCondition;
import dev.interleave.stress.broken.fixed.FixedLock;
import java.util.concurrent.TimeUnit;

/**
 * The conditions of {@code lock()}, whose {@code await(timeout)} returns true when the time
 * runs out.
 *
 * <p>Nobody signals. The waiter's time runs out and {@code await(timeout)} says true, "woken":
 * the caller cannot tell a timeout from a signal, and a wait loop that gives up on false never
 * gives up. A zero or negative timeout is handled, so only a wait that really runs out shows it.
 *
 * <p>The fix ({@link FixedCondition#await(long, TimeUnit)}): return what the wait found:
 * signalled or not.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.CONDITION,
        what = "await(timeout) returns true when its time ran out and nobody signalled",
        exposedBy = "a timed await that nobody signals")
public final class BrokenCondition_TimedAwaitTrueOnTimeout extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new FixedLock() {
            @Override
            public Condition newCondition() {
                return new AlwaysWokenCondition(this);
            }
        };
    }

    static final class AlwaysWokenCondition extends FixedCondition {
        AlwaysWokenCondition(Lock lock) {
            super(lock);
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            long nanos = unit.toNanos(timeout);
            if (nanos <= 0) {
                return waitForSignal(true, nanos);
            }
            waitForSignal(true, nanos);
            return true;   // BUG: "I have been woken up" -- also when it was the clock
        }
    }
}
