package dev.interleave.stress.broken;

import dev.interleave.primitives.Event;
import dev.interleave.stress.broken.fixed.FixedEvent;

/**
 * {@code event()} whose {@code set()} wakes one waiter instead of all.
 *
 * <p>Four threads await the event. It is set: one of them is signalled and returns; the other
 * three wait for ever, though the flag is up. With one waiter the bug never shows.
 *
 * <p>The fix ({@link FixedEvent#set()}): {@code signalAll()}, not {@code signal()}.
 */
@Defect(kind = DefectKind.LOST_WAKEUP, primitive = Part.EVENT,
        what = "set() calls signal() instead of signalAll(): only one of the waiting threads wakes",
        exposedBy = "two or more threads wait before the event is set")
public final class BrokenEvent_SetWakesOne extends BrokenPrimitives {
    @Override
    public Event event() {
        return new SingleWakeEvent();
    }

    static final class SingleWakeEvent extends FixedEvent {
        @Override
        public void set() {
            lock.acquire();
            try {
                flag = true;
                generation++;
                changed.signal();   // BUG: wakes one waiter; an event wakes them all
            } finally {
                lock.release();
            }
        }
    }
}
