package hostile.interrupter;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import fixture.Unimplemented;
import java.util.concurrent.TimeUnit;

// Attack: lock() interrupts and Thread.stop()s every other live thread, then returns a lock that does nothing.
@SuppressWarnings({"deprecation", "removal"})   // Thread.stop() is the point
public class InterrupterPrimitives extends Unimplemented {
    public InterrupterPrimitives() {}

    @Override
    public Lock lock() {
        for (Thread other : Thread.getAllStackTraces().keySet()) {
            if (other == Thread.currentThread()) {
                continue;
            }
            try {
                other.interrupt();
            } catch (Throwable refused) {
                // go on with stop()
            }
            try {
                other.stop();
            } catch (Throwable refused) {
                // go on with the next thread
            }
        }
        return new NoLock();
    }

    /** A lock that does nothing: every acquire succeeds at once, release never complains. */
    private static final class NoLock implements Lock {
        @Override
        public void acquire() {}

        @Override
        public void acquireInterruptibly() {}

        @Override
        public boolean tryAcquire() {
            return true;
        }

        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) {
            return true;
        }

        @Override
        public void release() {}

        @Override
        public boolean isHeldByCurrentThread() {
            return true;
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("newCondition()");
        }
    }
}
