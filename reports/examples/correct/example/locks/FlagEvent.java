package example.locks;

import dev.interleave.primitives.Event;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's Event: a flag guarded by a lock, and a condition that {@code set()} signals to all.
 * Every {@code set()} also counts a generation, so that a waiter released by a set returns true
 * even if a {@code clear()} came before it woke up: it waits while the flag is down <em>and</em>
 * no set happened since it arrived.
 */
final class FlagEvent implements Event {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flagRaised = lock.newCondition();
    private volatile boolean flag;   // written under the lock; read by isSet() without it
    private long sets;               // guarded by lock

    @Override
    public void set() {
        lock.lock();
        try {
            flag = true;
            sets++;
            flagRaised.signalAll();
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
        lock.lockInterruptibly();   // throws when interrupted on entry, set or not
        try {
            long arrival = sets;
            while (!flag && sets == arrival) {
                flagRaised.await();
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
            long arrival = sets;
            while (!flag && sets == arrival) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = flagRaised.awaitNanos(nanos);
            }
            return true;   // set now, or released by a set since this thread arrived
        } finally {
            lock.unlock();
        }
    }
}
