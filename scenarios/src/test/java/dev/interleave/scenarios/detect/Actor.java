package dev.interleave.scenarios.detect;

import dev.interleave.stress.harness.Delays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A named thread that runs what the test hands it, one action at a time: so that a test can
 * play several threads in an order of its choosing ("Task 2 arrives", then "Task 3 arrives").
 */
final class Actor implements AutoCloseable {
    private final ExecutorService thread;

    Actor(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code action} on this actor's thread and waits (bounded) until it is done. */
    void run(Action action) throws Exception {
        start(action).get(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts {@code action} on this actor's thread (it may block there). */
    Future<?> start(Action action) {
        return thread.submit(() -> {
            action.run();
            return null;
        });
    }

    /** What an actor does. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
