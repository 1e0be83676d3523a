package dev.interleave.stress.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the worker threads of one test and makes sure none escapes it.
 *
 * <p>Every failure of a worker (a failed assertion, an unexpected exception) reaches the test
 * thread: through {@link Worker#join()}, or at the end of the test. Every worker is joined with
 * a bound: one still alive when the test ends fails the test with a dump of all threads.
 *
 * <p>In a JUnit test, register it as a field, and the check runs after each test:
 * <pre>{@code
 * @RegisterExtension final Workers workers = new Workers();
 * }</pre>
 * Elsewhere, use it in try-with-resources: {@link #close()} runs the same check.
 *
 * <p>When the test has already failed, the end-of-test check only interrupts and briefly joins
 * the workers left, and adds their failures to the test's own as suppressed exceptions.
 *
 * <p>With the spurious-wake-up injector on ({@link SpuriousWakeups}), every worker is among the
 * threads it wakes, from its start to its end.
 */
public final class Workers implements AfterEachCallback, AutoCloseable {
    private final List<Worker<?>> started = new CopyOnWriteArrayList<>();

    /** Starts a worker thread running {@code body}. */
    public Worker<Void> start(String name, CheckedRunnable body) {
        return call(name, () -> {
            body.run();
            return null;
        });
    }

    /** Starts a worker thread running {@code body}; {@link Worker#join()} returns its result. */
    public <T> Worker<T> call(String name, CheckedCallable<T> body) {
        Worker<T> worker = new Worker<>(name, body);
        started.add(worker);
        worker.start();
        return worker;
    }

    /** Starts a worker and waits until it is blocked (see {@link Worker#assertBlocked()}). */
    public Worker<Void> startBlocked(String name, CheckedRunnable body) {
        Worker<Void> worker = start(name, body);
        worker.assertBlocked();
        return worker;
    }

    /** Joins every worker started so far (see {@link Worker#join()}). */
    public void joinAll() throws InterruptedException {
        for (Worker<?> worker : started) {
            worker.join();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        finish(context.getExecutionException());
    }

    @Override
    public void close() {
        finish(Optional.empty());
    }

    private void finish(Optional<Throwable> testFailure) {
        List<Worker<?>> workers = new ArrayList<>(started);
        started.clear();
        if (testFailure.isPresent()) {
            cleanUpAfterFailure(testFailure.get(), workers);
        } else {
            check(workers);
        }
    }

    private static void check(List<Worker<?>> workers) {
        long start = System.nanoTime();
        List<Worker<?>> alive = new ArrayList<>();
        for (Worker<?> worker : workers) {
            if (!worker.joinQuietly(Delays.LONG_DELAY_MS - Delays.millisSince(start))) {
                alive.add(worker);
            }
        }
        AssertionError failure = null;
        if (!alive.isEmpty()) {
            failure = new HangError("the test ended, but these workers were still running "
                    + Delays.LONG_DELAY_MS + " ms later: " + alive);
            alive.forEach(Worker::interrupt);
        }
        for (Worker<?> worker : workers) {
            if (worker.unreportedFailure() != null) {
                if (failure == null) {
                    failure = worker.failed();
                } else {
                    failure.addSuppressed(worker.failed());
                }
            }
        }
        if (failure != null) {
            throw (AssertionError) ImplementationUnderTest.plainer(failure);
        }
    }

    private static void cleanUpAfterFailure(Throwable testFailure, List<Worker<?>> workers) {
        workers.forEach(Worker::interrupt);
        long start = System.nanoTime();
        for (Worker<?> worker : workers) {
            worker.joinQuietly(Delays.SHORT_DELAY_MS - Delays.millisSince(start));
            Throwable failure = worker.unreportedFailure();
            if (failure != null && !causes(testFailure, failure)) {
                testFailure.addSuppressed(worker.failed());
            }
        }
    }

    private static boolean causes(Throwable outcome, Throwable candidate) {
        for (Throwable t = outcome; t != null; t = t.getCause()) {
            if (t == candidate) {
                return true;
            }
        }
        return false;
    }
}
