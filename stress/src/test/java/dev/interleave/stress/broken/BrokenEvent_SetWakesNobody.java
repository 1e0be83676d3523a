package dev.interleave.stress.broken;

import dev.interleave.primitives.Event;
import dev.interleave.stress.broken.fixed.FixedEvent;

/**
 * {@code event()} whose {@code set()} raises the flag but wakes nobody.
 *
 * <p>A thread awaits the event and parks. Another sets it: the flag is up, but the waiter is
 * never signalled, and waits for ever for an event that is set. A thread that arrives after the
 * {@code set()} sees the flag and returns at once, so the bug hides from every test that sets
 * first and waits second.
 *
 * <p>The fix ({@link FixedEvent#set()}): {@code signalAll()} after raising the flag.
 */
@Defect(kind = DefectKind.LOST_WAKEUP, primitive = Part.EVENT,
        what = "set() raises the flag and forgets to signal the waiting threads",
        exposedBy = "a thread waits before the event is set")
public final class BrokenEvent_SetWakesNobody extends BrokenPrimitives {
    @Override
    public Event event() {
        return new MuteEvent();
    }

    static final class MuteEvent extends FixedEvent {
        @Override
        public void set() {
            lock.acquire();
            try {
                flag = true;
                generation++;
                // BUG: no changed.signalAll()
            } finally {
                lock.release();
            }
        }
    }
}
