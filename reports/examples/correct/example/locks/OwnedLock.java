package example.locks;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A non-reentrant lock on a {@link ReentrantLock} (fair or not). ReentrantLock would let its owner
 * in again, so every acquiring method first asks whether the caller already holds it: then the
 * caller waits for itself, as the contract says — forever, or until its time runs out or it is
 * interrupted where the method allows that — and never gets a second hold.
 *
 * <p>The fair lock's {@code tryAcquire()} does not barge either: it is a {@code tryLock} with a
 * zero timeout, which respects the queue, whereas {@code ReentrantLock.tryLock()} would not.
 */
final class OwnedLock implements Lock {
    private final ReentrantLock lock;

    OwnedLock(boolean fair) {
        this.lock = new ReentrantLock(fair);
    }

    @Override
    public void acquire() {
        if (lock.isHeldByCurrentThread()) {
            waitForeverForMyself();
        }
        lock.lock();   // uninterruptible; sets the interrupt flag again before it returns
    }

    @Override
    public void acquireInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (lock.isHeldByCurrentThread()) {
            waitForMyself(Long.MAX_VALUE);
            throw new AssertionError("unreachable: waiting for yourself ends only by an interrupt");
        }
        lock.lockInterruptibly();
    }

    @Override
    public boolean tryAcquire() {
        if (lock.isHeldByCurrentThread()) {
            return false;
        }
        if (!lock.isFair()) {
            return lock.tryLock();
        }
        boolean interrupted = Thread.interrupted();   // tryAcquire() never throws InterruptedException
        try {
            return lock.tryLock(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException cannotHappen) {
            interrupted = true;
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (lock.isHeldByCurrentThread()) {
            waitForMyself(unit.toNanos(timeout));
            return false;
        }
        return lock.tryLock(timeout, unit);   // a timeout <= 0 tries once
    }

    @Override
    public void release() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("release() by a thread that does not hold the lock");
        }
        lock.unlock();
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public Condition newCondition() {
        return new LockCondition(lock);
    }

    /** The owner acquiring again with acquire(): nobody else can release the lock, so it never ends. */
    private void waitForeverForMyself() {
        while (true) {
            LockSupport.park(this);
            Thread.interrupted();   // acquire() is uninterruptible; clear the flag so that park parks again
        }
    }

    /** The owner acquiring again with a bound: waits out the time, or throws when interrupted. */
    private void waitForMyself(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
