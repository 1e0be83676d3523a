package dev.interleave.stress.broken;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedLock;
import java.util.concurrent.TimeUnit;

/**
 * {@code lock()} whose {@code tryAcquire(timeout)} returns true when its time runs out.
 *
 * <p>The lock is held by another thread for longer than the timeout. The waiter's time runs out
 * and it returns true: the caller believes it holds the lock and enters the critical section
 * beside the owner.
 *
 * <p>The fix ({@link FixedLock#tryAcquire(long, TimeUnit)}): return whether the lock was taken.
 */
@Defect(kind = DefectKind.CONTRACT, primitive = Part.LOCK,
        what = "tryAcquire(timeout) returns true when the time ran out, without holding the lock",
        exposedBy = "another thread holds the lock longer than the timeout")
public final class BrokenLock_TimedTryAcquireWithoutLock extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new OptimisticLock();
    }

    static final class OptimisticLock extends FixedLock {
        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread me = Thread.currentThread();
            if (tryTake(me)) {
                return true;
            }
            long nanos = unit.toNanos(timeout);
            if (nanos <= 0) {
                return false;
            }
            if (waitForLock(me, true, true, nanos) == INTERRUPTED) {
                throw new InterruptedException();
            }
            return true;   // BUG: "I waited, so I have it" -- also when the time ran out
        }
    }
}
