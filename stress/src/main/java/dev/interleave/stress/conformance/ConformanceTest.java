package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.interleave.primitives.Primitives;
import dev.interleave.stress.harness.CheckedCallable;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.HangError;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import dev.interleave.stress.harness.SpuriousWakeups;
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
    /**
     * The tag of the tests that repeat a contended pattern many times (thousands of lock
     * hand-overs, of items, of barrier rounds) and so catch a race only if the scheduler happens
     * to interleave the threads badly during the run: a verdict by luck, which may differ from
     * run to run. Every other test is a forced schedule (a thread is proven blocked before the
     * test relies on its waiting; a bound turns a wake-up that never comes into a hang) or a check
     * in one thread, and gives the same verdict on every run.
     */
    public static final String STRESS = "stress";

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

    /** How many spurious wake-ups {@link #assertKeepsWaitingThroughSpuriousWakeUps} sends. */
    protected static final int SPURIOUS_WAKE_UPS = 3;

    /**
     * Asserts that {@code waiter}, proven blocked in {@code call}, goes on waiting when it is woken
     * spuriously, {@value #SPURIOUS_WAKE_UPS} times in a row (see
     * {@link SpuriousWakeups#wakeOnce}): nothing it waits for has happened, so a call that returns
     * (or throws) checked its condition once, with an {@code if} where a {@code while} belongs. A
     * thread in {@code Object.wait} cannot be reached by an unpark; then the check is skipped.
     */
    protected static void assertKeepsWaitingThroughSpuriousWakeUps(Worker<?> waiter, String call) {
        for (int i = 0; i < SPURIOUS_WAKE_UPS; i++) {
            SpuriousWakeups.Reach reach = SpuriousWakeups.wakeOnce(waiter.thread());
            if (reach == SpuriousWakeups.Reach.UNREACHABLE) {
                System.out.println("Spurious wake-ups not sent: " + call + " waits where an unpark cannot reach it "
                        + "(Object.wait, sleep, join or a monitor entry)");
                return;
            }
            int number = i + 1;
            assertNotEquals(SpuriousWakeups.Reach.FINISHED, reach, () -> call + " returned after spurious wake-up "
                    + "number " + number + ", though nothing it waits for had "
                    + "happened: a waiter must check its condition again after every wake-up (while, not if)");
        }
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
