package dev.interleave.stress.broken;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedLock;
import java.util.concurrent.TimeUnit;

/**
 * {@code lock()} that looks at the lock, and then, in a separate step, goes to sleep until a
 * release wakes it.
 *
 * <p>The waiter finds the lock held. Before it is asleep, the owner releases and wakes the
 * sleepers: there are none yet, so the wake-up goes nowhere. Then the waiter goes to sleep, for
 * ever, on a free lock. The window between the look and the sleep is a few instructions wide:
 * a test that waits until the waiter sleeps before it releases never opens it; a model checker,
 * which chooses where the threads switch, does.
 *
 * <p>{@link SleepingLock} is the fixed version: it looks at the lock and goes to sleep in one
 * step, holding the monitor that the releaser must take to wake it, so a release cannot fall
 * between the two. The broken one moves the look out of that step.
 */
@Defect(kind = DefectKind.LOST_WAKEUP, primitive = Part.LOCK,
        what = "acquire() checks the lock outside the monitor it then waits on: a release between the check "
                + "and the wait() notifies nobody",
        exposedBy = "the owner releases after the waiter's failed check and before the waiter's wait()")
public final class BrokenLock_LostWakeUpBeforeWait extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new CheckThenSleepLock();
    }

    /** The fixed version: a waiter sleeps on a monitor, and checks the lock holding that monitor. */
    static class SleepingLock extends FixedLock {
        protected final Object sleepers = new Object();

        @Override
        protected int waitForLock(Thread me, boolean interruptible, boolean timed, long nanos) {
            long start = System.nanoTime();
            boolean interrupted = false;
            synchronized (sleepers) {
                while (!tryTake(me)) {   // the check and the wait, one step under the monitor
                    try {
                        if (!sleep(timed, nanos - (System.nanoTime() - start))) {
                            return TIMED_OUT;
                        }
                    } catch (InterruptedException e) {
                        if (interruptible) {
                            return INTERRUPTED;
                        }
                        interrupted = true;
                    }
                }
            }
            return interrupted ? TAKEN_INTERRUPTED : TAKEN;
        }

        /** Waits on the monitor (held by the caller) until notified, or for the time left; false when none is left. */
        protected final boolean sleep(boolean timed, long left) throws InterruptedException {
            if (!timed) {
                sleepers.wait();
                return true;
            }
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(sleepers, left);
            return true;
        }

        @Override
        public void release() {
            if (owner.get() != Thread.currentThread()) {
                throw new IllegalMonitorStateException("release() by a thread that does not hold the lock");
            }
            owner.set(null);
            synchronized (sleepers) {
                sleepers.notifyAll();
            }
        }
    }

    static final class CheckThenSleepLock extends SleepingLock {
        @Override
        protected int waitForLock(Thread me, boolean interruptible, boolean timed, long nanos) {
            long start = System.nanoTime();
            boolean interrupted = false;
            while (!tryTake(me)) {       // BUG: the check is made outside the monitor ...
                synchronized (sleepers) {
                    try {                // ... so a release right here notifies nobody, and this waits for ever
                        if (!sleep(timed, nanos - (System.nanoTime() - start))) {
                            return TIMED_OUT;
                        }
                    } catch (InterruptedException e) {
                        if (interruptible) {
                            return INTERRUPTED;
                        }
                        interrupted = true;
                    }
                }
            }
            return interrupted ? TAKEN_INTERRUPTED : TAKEN;
        }
    }
}
