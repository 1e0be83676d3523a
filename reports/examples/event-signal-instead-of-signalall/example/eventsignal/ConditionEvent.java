package example.eventsignal;

import dev.interleave.primitives.Event;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's Event on a lock and one condition, {@code raised}. Each set() counts a round, so that
 * a waiter released by a set returns even if a clear() follows before it wakes up.
 *
 * <p>The bug: {@link #set()} wakes the waiters with {@code signal()}, which wakes one of them, not
 * {@code signalAll()}. With two or more threads waiting, all but one keep waiting for a set that
 * already happened: a lost wake-up.
 */
final class ConditionEvent implements Event {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition raised = lock.newCondition();
    private volatile boolean flag;
    private int rounds;

    @Override
    public void set() {
        lock.lock();
        try {
            flag = true;
            rounds++;
            raised.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            flag = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isSet() {
        return flag;
    }

    @Override
    public void await() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            int round = rounds;
            while (!flag && round == rounds) {
                raised.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            int round = rounds;
            while (!flag && round == rounds) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = raised.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
