package dev.interleave.stress.broken;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.stress.broken.fixed.FixedCondition;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * {@code lock()} as the lecture's test-and-test-and-set spin lock, with its flag not volatile.
 *
 * <p>Taking the lock is a compare-and-set, so two threads never both take it. But a waiter spins
 * on a plain read of the flag, which the JIT compiler may read once and keep in a register: the
 * waiter then spins for ever on a lock that was released long ago. And the release is a plain
 * write, so nothing the owner wrote in its critical section is promised to the next owner.
 * Whether either shows depends on the compiler and the CPU: only a tool that runs the code
 * millions of times, compiled every way (jcstress), sees it, and only by chance.
 *
 * <p>The fix: {@code private volatile boolean locked}. (A spin lock also busy-waits, which the
 * contract forbids as the way to block; the conformance suite says so whether the flag is
 * volatile or not: that is not the bug this variant is about.)
 */
@Defect(kind = DefectKind.VISIBILITY, primitive = Part.LOCK,
        what = "a spin lock whose flag is not volatile: the waiter's spin may never see the release, "
                + "and the release publishes nothing",
        exposedBy = "the JIT hoists the spinning read of the flag out of the loop, or reorders the plain release")
public final class BrokenLock_SpinFlagNotVolatile extends BrokenPrimitives {
    @Override
    public Lock lock() {
        return new SpinLock();
    }

    static final class SpinLock implements Lock {
        private static final VarHandle LOCKED;

        static {
            try {
                LOCKED = MethodHandles.lookup().findVarHandle(SpinLock.class, "locked", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private boolean locked;   // BUG: not volatile
        private Thread owner;     // written by the owner only

        private boolean tryTake() {
            if (!locked && LOCKED.compareAndSet(this, false, true)) {
                owner = Thread.currentThread();
                return true;
            }
            return false;
        }

        @Override
        public void acquire() {
            while (!tryTake()) {
                while (locked) {
                    // spin: a plain read, which the compiler may hoist out of the loop
                }
            }
        }

        @Override
        public void acquireInterruptibly() throws InterruptedException {
            while (!tryTake()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            if (Thread.interrupted()) {
                release();
                throw new InterruptedException();
            }
        }

        @Override
        public boolean tryAcquire() {
            return tryTake();
        }

        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long nanos = unit.toNanos(timeout);
            long start = System.nanoTime();
            while (!tryTake()) {
                if (nanos <= 0 || System.nanoTime() - start >= nanos) {
                    return false;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return true;
        }

        @Override
        public void release() {
            if (owner != Thread.currentThread() || !locked) {
                throw new IllegalMonitorStateException("release() by a thread that does not hold the lock");
            }
            owner = null;
            locked = false;   // a plain write: no happens-before edge to the next owner
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return owner == Thread.currentThread() && locked;
        }

        @Override
        public Condition newCondition() {
            return new FixedCondition(this);
        }
    }
}
