package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.interleave.primitives.Primitives;
import dev.interleave.stress.harness.CheckedCallable;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.HangError;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import dev.interleave.stress.harness.Worker;
import dev.interleave.stress.harness.Workers;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * What every conformance class shares: the implementation under test, the worker threads of the
 * test, the delays, and the two interrupt checks that every blocking method must pass.
 *
 * <p>Tests talk to the primitives only through {@link #primitives}, never to a particular
 * implementation, and assume nothing that the contract does not say. Coordination between the
 * test's own threads uses {@code java.util.concurrent}, never the primitive under test.
 */
@InterleaveTest
@Tag("conformance")
public abstract class ConformanceTest {
    /** A delay that must really elapse (a timeout that a test lets run out). */
    protected static final long SHORT = Delays.SHORT_DELAY_MS;

    /** The bound on anything that must eventually happen. */
    protected static final long LONG = Delays.LONG_DELAY_MS;

    /**
     * A timeout for a wait that must end because of something else (a release, a put, a
     * signal): longer than the harness waits for the thread, so a wake-up that never comes
     * fails as a hang instead of as a timeout.
     */
    protected static final long NEVER = 3 * LONG;

    protected static final TimeUnit MS = TimeUnit.MILLISECONDS;

    /** The implementation under test (a fresh instance for every test). */
    protected final Primitives primitives = ImplementationUnderTest.primitives();

    /** The worker threads of the current test; checked and joined after it. */
    @RegisterExtension
    protected final Workers workers = new Workers();

    /**
     * Asserts that {@code call}, made by a thread whose interrupt flag is set, throws
     * {@link InterruptedException} and clears the flag. The call runs in a worker, so one that
     * ignores the flag and blocks fails the test instead of hanging it.
     */
    protected void assertInterruptedOnEntry(String call, Executable body) throws InterruptedException {
        workers.start(call + " interrupted on entry", () -> {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, body,
                    call + " must throw InterruptedException when the caller is interrupted on entry");
            assertFalse(Thread.currentThread().isInterrupted(),
                    call + " must clear the interrupt flag when it throws InterruptedException");
        }).join();
    }

    /**
     * Asserts that {@code call} blocks, and that interrupting the blocked thread makes it throw
     * {@link InterruptedException} with the flag cleared.
     */
    protected void assertInterruptedWhileWaiting(String call, Executable body) throws InterruptedException {
        Worker<Void> waiter = workers.startBlocked(call + " interrupted while waiting", () -> {
            assertThrows(InterruptedException.class, body,
                    call + " must throw InterruptedException when the caller is interrupted while waiting");
            assertFalse(Thread.currentThread().isInterrupted(),
                    call + " must clear the interrupt flag when it throws InterruptedException");
        });
        waiter.interrupt();
        waiter.join();
    }

    /**
     * Makes {@code call} in a worker and returns its result: for a call that must return at once,
     * so that one that waits instead fails as a hang naming the call, after {@link #LONG}.
     */
    protected <T> T inWorker(String call, CheckedCallable<T> body) throws InterruptedException {
        return workers.call(call, body).join();
    }

    /** Waits for {@code latch} at most {@link #LONG}; a hang otherwise. */
    protected static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(LONG, MS)) {
            throw new HangError("waited " + LONG + " ms in vain for: " + what);
        }
    }
}
