package dev.interleave.stress.independent;

import dev.interleave.primitives.Event;
import java.util.concurrent.TimeUnit;

/**
 * Event on one monitor. Each set of a clear flag starts a new "round"; a waiter remembers the
 * round it began in and leaves once the round changes, so a clear() right after set() does not
 * keep the threads that were waiting (Python's rule).
 */
final class MonitorEvent implements Event {
    private final Object monitor = new Object();
    private boolean flag; // guarded by monitor
    private long rounds; // guarded by monitor: how many times the flag went from clear to set

    @Override
    public void set() {
        synchronized (monitor) {
            if (!flag) {
                flag = true;
                rounds++;
                monitor.notifyAll();
            }
        }
    }

    @Override
    public void clear() {
        synchronized (monitor) {
            flag = false;
        }
    }

    @Override
    public boolean isSet() {
        synchronized (monitor) {
            return flag;
        }
    }

    @Override
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            if (flag) {
                return;
            }
            long seen = rounds;
            while (rounds == seen) {
                monitor.wait();
            }
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            if (flag) {
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            long seen = rounds;
            long deadline = System.nanoTime() + nanos;
            while (rounds == seen) {
                long left = Waits.remaining(deadline);
                if (left <= 0) {
                    return false; // no set since we began: the flag is still clear
                }
                Waits.waitNanos(monitor, left);
            }
            return true;
        }
    }
}
