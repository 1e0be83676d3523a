package example.locks;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.RLock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Python's RLock: a {@link ReentrantLock} (barging), whose hold count is the contract's. */
final class CountingRLock implements RLock {
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public void acquire() {
        lock.lock();
    }

    @Override
    public void acquireInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();   // throws when interrupted on entry, even for the owner
    }

    @Override
    public boolean tryAcquire() {
        return lock.tryLock();
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return lock.tryLock(timeout, unit);
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
    public int holdCount() {
        return lock.getHoldCount();
    }

    @Override
    public Condition newCondition() {
        return new LockCondition(lock);   // await releases every hold and restores them all
    }
}
