package dev.interleave.stress.harness;

/**
 * A thread started by {@link Workers}: runs one body, keeps its result or failure, and is
 * always joined with a bound.
 *
 * @param <T> what the body returns ({@code Void} for a {@link CheckedRunnable})
 */
public final class Worker<T> {
    private final String name;
    private final CheckedCallable<T> body;
    private final Thread thread;
    private T result;               // written by the worker before it terminates; read after join
    private Throwable failure;      // likewise
    private volatile boolean failureReported;

    Worker(String name, CheckedCallable<T> body) {
        this.name = name;
        this.body = body;
        this.thread = new Thread(this::run, "interleave-worker-" + name);
        this.thread.setDaemon(true);
    }

    private void run() {
        SpuriousWakeups.watch();
        try {
            result = body.call();
        } catch (Throwable t) {
            failure = t;
        } finally {
            SpuriousWakeups.unwatch();
        }
    }

    void start() {
        thread.start();
    }

    public String name() {
        return name;
    }

    public Thread thread() {
        return thread;
    }

    /** Whether the body has returned or thrown. */
    public boolean isDone() {
        return thread.getState() == Thread.State.TERMINATED;
    }

    public void interrupt() {
        thread.interrupt();
    }

    /**
     * Waits until this worker is blocked (parked or waiting); fails if it finishes instead, or
     * with a thread dump if it neither blocks nor finishes within {@link Delays#LONG_DELAY_MS}.
     */
    public Worker<T> assertBlocked() {
        Blocking.assertBlocked(thread, () -> {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            failureReported = true;
            return failure;
        });
        return this;
    }

    /**
     * Waits (at most {@link Delays#LONG_DELAY_MS}) for the body to finish and returns its result.
     * A body that threw fails the caller with an {@link AssertionError} caused by what it threw;
     * a body still running fails it with a {@link HangError}.
     */
    public T join() throws InterruptedException {
        thread.join(Delays.LONG_DELAY_MS);
        if (thread.isAlive()) {
            throw new HangError("worker \"" + name + "\" did not finish within " + Delays.LONG_DELAY_MS + " ms");
        }
        if (failure != null) {
            failureReported = true;
            throw failed();
        }
        return result;
    }

    /** Waits at most {@code millis} for the thread to end; true if it did. */
    boolean joinQuietly(long millis) {
        try {
            thread.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** The failure of a finished body that nobody has seen yet, else null. */
    Throwable unreportedFailure() {
        return isDone() && !failureReported ? failure : null;
    }

    AssertionError failed() {
        return new AssertionError("worker \"" + name + "\" failed: " + failure, failure);
    }

    @Override
    public String toString() {
        return "worker \"" + name + "\" (" + thread.getState() + ")";
    }
}
