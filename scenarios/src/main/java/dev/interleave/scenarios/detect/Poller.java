package dev.interleave.scenarios.detect;

import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The daemon thread of a detector: it calls the detector's check with the time, about 8 times
 * per window, until closed.
 */
final class Poller implements AutoCloseable {
    private final Thread thread;
    private final long windowNanos;
    private volatile boolean closed;

    private Poller(String name, long windowNanos, LongConsumer check) {
        this.windowNanos = windowNanos;
        long pollNanos = Math.max(TimeUnit.MICROSECONDS.toNanos(500), windowNanos / 8);
        this.thread = new Thread(() -> {
            while (!closed) {
                check.accept(System.nanoTime());
                try {
                    TimeUnit.NANOSECONDS.sleep(pollNanos);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts a poller named {@code name} calling {@code check} with {@link System#nanoTime()}. */
    static Poller start(String name, long windowNanos, LongConsumer check) {
        Poller poller = new Poller(name, windowNanos, check);
        poller.thread.start();
        return poller;
    }

    /** Stops the thread and waits for it, at most a window and a second. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(windowNanos) + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
