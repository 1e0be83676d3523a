package dev.interleave.stress.independent;

import dev.interleave.primitives.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** One-shot timer: a daemon thread waits out the delay on the monitor, unless cancelled first. */
final class MonitorTimer implements Timer {
    private final Object monitor = new Object();
    private final long delayNanos;
    private final Runnable action;
    private boolean started; // guarded by monitor
    private boolean cancelled; // guarded by monitor
    private boolean running; // guarded by monitor: the action has begun (cancel is too late)
    private boolean finished; // guarded by monitor: the action has returned or thrown

    MonitorTimer(long delay, TimeUnit unit, Runnable action) {
        this.action = Objects.requireNonNull(action, "action");
        this.delayNanos = Math.max(0L, unit.toNanos(delay));
    }

    @Override
    public void start() {
        synchronized (monitor) {
            if (started) {
                throw new IllegalStateException("timer already started");
            }
            started = true;
            if (cancelled) {
                return;
            }
        }
        Thread thread = new Thread(this::run, "monitor-timer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        synchronized (monitor) {
            long deadline = System.nanoTime() + delayNanos;
            while (!cancelled) {
                long left = Waits.remaining(deadline);
                if (left <= 0) {
                    break;
                }
                try {
                    Waits.waitNanos(monitor, left);
                } catch (InterruptedException e) {
                    // Only cancel() may stop the timer; keep waiting out the delay.
                }
            }
            if (cancelled) {
                return;
            }
            running = true;
        }
        try {
            action.run();
        } finally {
            synchronized (monitor) {
                finished = true;
                monitor.notifyAll();
            }
        }
    }

    @Override
    public boolean cancel() {
        synchronized (monitor) {
            if (running) {
                return false;
            }
            if (!cancelled) {
                cancelled = true;
                monitor.notifyAll();
            }
            return true;
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            if (finished || cancelled || nanos <= 0) {
                return finished || cancelled;
            }
            long deadline = System.nanoTime() + nanos;
            while (!(finished || cancelled)) {
                long left = Waits.remaining(deadline);
                if (left <= 0) {
                    return false;
                }
                Waits.waitNanos(monitor, left);
            }
            return true;
        }
    }
}
