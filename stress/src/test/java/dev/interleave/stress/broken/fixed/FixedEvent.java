package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import java.util.concurrent.TimeUnit;

/**
 * An event as a student writes it once the lecture's bugs are fixed, on a lock and its
 * condition: {@code set} raises the flag, starts a new generation and wakes every waiter; a
 * waiter waits until the flag is up or a {@code set} happened since it began to wait (so a
 * {@code clear} right after the {@code set} does not keep it waiting: Python's rule).
 *
 * <p>The broken event variants extend this class and break one method each.
 */
public class FixedEvent implements Event {
    protected final Lock lock = Given.lock();
    protected final Condition changed = lock.newCondition();
    protected boolean flag;        // guarded by lock
    protected long generation;     // guarded by lock: how many times set() ran

    @Override
    public void set() {
        lock.acquire();
        try {
            flag = true;
            generation++;
            changed.signalAll();
        } finally {
            lock.release();
        }
    }

    @Override
    public void clear() {
        lock.acquire();
        try {
            flag = false;
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean isSet() {
        lock.acquire();
        try {
            return flag;
        } finally {
            lock.release();
        }
    }

    @Override
    public void await() throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            long start = generation;
            while (!flag && generation == start) {
                changed.await();
            }
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            long start = generation;
            return changed.awaitUntil(() -> flag || generation != start, timeout, unit);
        } finally {
            lock.release();
        }
    }
}
