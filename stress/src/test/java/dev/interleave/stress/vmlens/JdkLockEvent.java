package dev.interleave.stress.vmlens;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import java.util.concurrent.TimeUnit;

/**
 * Python's event on a {@link JdkLock} and one condition. A {@code set()} also advances a
 * generation, so a waiter it released returns even if {@code clear()} follows at once.
 * {@code flag} and {@code generation} are guarded by {@code lock}.
 */
final class JdkLockEvent implements Event {
    private final Lock lock = new JdkLock(false);
    /** Predicate: the flag is up, or a {@code set()} ran since the waiter began to wait. */
    private final Condition wasSet = lock.newCondition();
    private boolean flag;
    private long generation;

    @Override
    public void set() {
        try (var held = lock.hold()) {
            flag = true;
            generation++;
            wasSet.signalAll();
        }
    }

    @Override
    public void clear() {
        try (var held = lock.hold()) {
            flag = false;
        }
    }

    @Override
    public boolean isSet() {
        try (var held = lock.hold()) {
            return flag;
        }
    }

    @Override
    public void await() throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            long start = generation;
            while (!flag && generation == start) {
                wasSet.await();
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
            return wasSet.awaitUntil(() -> flag || generation != start, timeout, unit);
        } finally {
            lock.release();
        }
    }
}
