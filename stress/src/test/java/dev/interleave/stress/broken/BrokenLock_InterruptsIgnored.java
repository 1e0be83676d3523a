package dev.interleave.stress.broken;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedLock;

/**
 * {@code lock()} whose {@code acquireInterruptibly()} is not interruptible.
 *
 * <p>A thread is interrupted on entry, or while it waits for the lock: it does not throw
 * {@code InterruptedException}, it goes on waiting (and then takes the lock), so a thread that
 * is asked to stop cannot be stopped.
 *
 * <p>The fix ({@link FixedLock#acquireInterruptibly()}): check the interrupt on entry and after
 * every park, and throw.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.LOCK,
        what = "acquireInterruptibly() ignores interrupts: it neither throws on entry nor stops waiting",
        exposedBy = "a thread that is interrupted before, or while, it waits for the lock")
public final class BrokenLock_InterruptsIgnored extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new DeafLock();
    }

    static final class DeafLock extends FixedLock {
        @Override
        public void acquireInterruptibly() {
            acquire();   // BUG: "an acquire is an acquire"; the interrupt is never looked at
        }
    }
}
