package dev.interleave.stress.broken;

import dev.interleave.primitives.Timer;
import dev.interleave.stress.broken.fixed.FixedTimer;
import java.util.concurrent.TimeUnit;

/**
 * {@code timer(delay, unit, action)} whose {@code cancel()} raises a flag that nobody reads.
 *
 * <p>{@code cancel()} during the delay says true, "the action will never run"; but the timer's
 * thread never looks at the flag: when the delay is over it runs the action anyway, and until
 * then {@code await} keeps waiting, as if nothing had been cancelled.
 *
 * <p>The fix ({@link FixedTimer#cancel()}): change the state the timer's thread decides on,
 * under the same lock, and wake it.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.TIMER,
        what = "cancel() sets a flag the timer's thread never reads: it returns true, and the action still runs",
        exposedBy = "cancel() during the delay")
public final class BrokenTimer_CancelDoesNotStop extends BrokenPrimitives {
    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        return new UnstoppableTimer(delay, unit, action);
    }

    static final class UnstoppableTimer extends FixedTimer {
        private volatile boolean cancelled;

        UnstoppableTimer(long delay, TimeUnit unit, Runnable action) {
            super(delay, unit, action);
        }

        @Override
        public boolean cancel() {
            cancelled = true;   // BUG: the timer's thread decides on its state, which this does not change
            return cancelled;
        }
    }
}
