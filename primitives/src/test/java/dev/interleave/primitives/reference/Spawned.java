package dev.interleave.primitives.reference;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A thread started by a test, whose result or failure reaches the test thread, and which the test
 * can watch until it blocks. Every wait is bounded.
 */
final class Spawned<T> {
    static final long TIMEOUT_MS = 5_000;

    private final Thread thread;
    private T result;
    private Throwable failure;

    private Spawned(Callable<T> body) {
        thread = new Thread(() -> {
            try {
                result = body.call();
            } catch (Throwable t) {
                failure = t;
            }
        }, "test-spawned");
        thread.setDaemon(true);
    }

    /** A body that returns nothing. */
    interface Action {
        void run() throws Exception;
    }

    static Spawned<Void> run(Action body) {
        return start(() -> {
            body.run();
            return null;
        });
    }

    static <T> Spawned<T> start(Callable<T> body) {
        Spawned<T> spawned = new Spawned<>(body);
        spawned.thread.start();
        return spawned;
    }

    /** Waits until the thread is parked (waiting or timed-waiting), or fails. */
    Spawned<T> awaitBlocked() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return this;
            }
            if (state == Thread.State.TERMINATED) {
                fail("expected the thread to block, but it ended: " + (failure != null ? failure : result));
            }
            if (System.nanoTime() - deadline > 0) {
                fail("thread did not block within " + TIMEOUT_MS + " ms");
            }
            Thread.yield();
        }
    }

    /** Joins the thread and returns its result; fails if it threw or did not end in time. */
    T join() throws InterruptedException {
        Throwable thrown = joinFailure();
        if (thrown != null) {
            throw new AssertionError("spawned thread failed", thrown);
        }
        return result;
    }

    /** Joins the thread and returns what it threw, or null if it returned normally. */
    Throwable joinFailure() throws InterruptedException {
        thread.join(TIMEOUT_MS);
        if (thread.isAlive()) {
            thread.interrupt();
            fail("spawned thread did not finish within " + TIMEOUT_MS + " ms");
        }
        return failure;
    }

    Thread thread() {
        return thread;
    }
}
