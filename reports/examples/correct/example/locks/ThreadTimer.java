package example.locks;

import dev.interleave.primitives.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's threading.Timer: {@code start()} starts a daemon thread that waits out the delay on a
 * condition (so that {@code cancel()} can wake it), then runs the action unless it was cancelled.
 * A state guarded by a lock decides every race between the thread and {@code cancel()}:
 * NEW → WAITING → RUNNING → DONE, or NEW / WAITING → CANCELLED.
 */
final class ThreadTimer implements Timer {
    private enum State { NEW, WAITING, RUNNING, DONE, CANCELLED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long delayNanos;
    private final Runnable action;
    private State state = State.NEW;   // guarded by lock

    ThreadTimer(long delayNanos, Runnable action) {
        this.delayNanos = delayNanos;
        this.action = action;
    }

    @Override
    public void start() {
        lock.lock();
        try {
            switch (state) {
                case CANCELLED -> {
                    return;   // silent, and the action never runs
                }
                case NEW -> state = State.WAITING;
                default -> throw new IllegalStateException("start() called twice");
            }
            Thread thread = new Thread(this::waitThenRun, "timer");
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    private void waitThenRun() {
        lock.lock();
        try {
            long deadline = System.nanoTime() + delayNanos;
            long left = delayNanos;
            while (state == State.WAITING && left > 0) {
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    // only cancel() stops a timer
                }
                left = deadline - System.nanoTime();
            }
            if (state != State.WAITING) {
                return;   // cancelled
            }
            state = State.RUNNING;
        } finally {
            lock.unlock();
        }
        try {
            action.run();
        } finally {
            lock.lock();
            try {
                state = State.DONE;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public boolean cancel() {
        lock.lock();
        try {
            switch (state) {
                case NEW, WAITING -> {
                    state = State.CANCELLED;
                    changed.signalAll();
                    return true;
                }
                case CANCELLED -> {
                    return true;
                }
                default -> {
                    return false;   // running or ran
                }
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
            while (state != State.DONE && state != State.CANCELLED) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
