package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Timer;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.Worker;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Timer} ({@code timer(delay, unit, action)}): the action runs once, on a
 * daemon thread, after the delay, unless cancelled first; {@code start()} twice throws,
 * {@code start()} after {@code cancel()} is silent and runs nothing; {@code await} is true once
 * the action finished or the timer was cancelled.
 */
@DisplayName("Timer: timer(delay, unit, action)")
public class TimerConformance extends ConformanceTest {

    private final AtomicInteger runs = new AtomicInteger();

    private Timer countingTimer(long delayMs) {
        return primitives.timer(delayMs, MS, runs::incrementAndGet);
    }

    @Test
    void theActionRunsOnceAfterTheDelay() throws Exception {
        AtomicLong ranAt = new AtomicLong();
        Timer timer = primitives.timer(SHORT, MS, () -> {
            ranAt.set(System.nanoTime());
            runs.incrementAndGet();
        });
        long start = System.nanoTime();
        timer.start();
        assertTrue(timer.await(NEVER, MS), "await must return true once the action ran");
        assertEquals(1, runs.get());
        assertTrue(ranAt.get() - start >= MS.toNanos(SHORT) - MS.toNanos(Math.max(2, SHORT / 20)),
                "the action ran before its delay was over");
        Delays.sleep(SHORT);
        assertEquals(1, runs.get(), "the action must run only once");
        assertTrue(timer.await(0, MS), "await stays true once the action ran");
    }

    @Test
    void nothingRunsBeforeStart() throws Exception {
        Timer timer = countingTimer(0);
        assertFalse(timer.await(SHORT, MS), "await must be false: the timer was never started");
        assertEquals(0, runs.get(), "the action must not run before start()");
        assertTrue(timer.cancel());
    }

    @Test
    void awaitIsFalseWhileTheDelayLasts() throws Exception {
        Timer timer = countingTimer(NEVER);
        timer.start();
        assertFalse(timer.await(0, MS), "await(0) must be false while the delay lasts");
        assertFalse(timer.await(-1, MS), "await(-1) must be false while the delay lasts");
        assertTrue(timer.cancel(), "a timer cancelled during its delay will never run its action");
        assertTrue(timer.await(0, MS), "await must be true once the timer was cancelled");
        assertEquals(0, runs.get());
    }

    @Test
    void extremeTimeoutsDoNotOverflow() throws Exception {
        Timer timer = countingTimer(NEVER);
        timer.start();
        assertFalse(inWorker("await(Long.MIN_VALUE)", () -> timer.await(Long.MIN_VALUE, MS)),
                "await(Long.MIN_VALUE) must be false at once while the delay lasts");
        Worker<Boolean> patient = workers.call("await(Long.MAX_VALUE)",
                () -> timer.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        patient.assertBlocked();
        assertTrue(timer.cancel());
        assertTrue(patient.join(), "await(Long.MAX_VALUE) must wait until the timer is cancelled");
        assertTrue(inWorker("await(Long.MIN_VALUE)", () -> timer.await(Long.MIN_VALUE, MS)),
                "await(Long.MIN_VALUE) must be true at once after cancel()");
    }

    @Test
    void cancelTellsTheTruthAboutWhetherTheActionWillRun() throws Exception {
        Timer timer = countingTimer(SHORT);
        timer.start();
        boolean cancelled = timer.cancel();
        Delays.sleep(2 * SHORT);
        if (cancelled) {
            assertEquals(0, runs.get(), "cancel() returned true, yet the action ran");
            assertTrue(timer.await(0, MS));
        } else {
            assertTrue(timer.await(NEVER, MS), "cancel() returned false, so the action must run");
            assertEquals(1, runs.get());
        }
    }

    @Test
    void startAfterCancelIsSilentAndNeverRunsTheAction() throws Exception {
        Timer timer = countingTimer(0);
        assertTrue(timer.cancel(), "a timer cancelled before start() will never run its action");
        timer.start();
        assertTrue(timer.await(0, MS), "await must be true once the timer was cancelled");
        Delays.sleep(SHORT);
        assertEquals(0, runs.get(), "start() after cancel() must never run the action");
    }

    @Test
    void startingTwiceThrowsAndChangesNothing() throws Exception {
        Timer waiting = countingTimer(NEVER);
        waiting.start();
        assertThrows(IllegalStateException.class, waiting::start, "start() during the delay");
        assertTrue(waiting.cancel(), "the refused start() must leave the timer cancellable");
        assertEquals(0, runs.get());

        Timer done = countingTimer(0);
        done.start();
        assertTrue(done.await(NEVER, MS));
        assertThrows(IllegalStateException.class, done::start, "start() after the action ran");
        Delays.sleep(SHORT);
        assertEquals(1, runs.get(), "the refused start() must not run the action again");
    }

    @Test
    void awaitReturnsTrueOnceTheTimerIsCancelled() throws Exception {
        Timer timer = countingTimer(NEVER);
        timer.start();
        Worker<Void> waiter = workers.startBlocked("waiter", () ->
                assertTrue(timer.await(NEVER, MS), "await must return true once the timer is cancelled"));
        assertTrue(timer.cancel());
        waiter.join();
        assertEquals(0, runs.get());
    }

    int written;   // plain fields: the timer orders their writes and reads
    int seenByAction;

    @Test
    void awaitWaitsUntilTheActionHasFinishedAndSeesWhatItWrote() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Timer timer = primitives.timer(0, MS, () -> {
            entered.countDown();
            try {
                await(leave, "the test to let the action finish");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written = 42;
        });
        timer.start();
        await(entered, "the action to start");
        assertFalse(timer.await(0, MS), "await must be false while the action is still running");
        Worker<Integer> waiter = workers.call("waiter", () -> {
            assertTrue(timer.await(NEVER, MS), "await must return true once the action finished");
            return written;
        });
        waiter.assertBlocked();
        leave.countDown();
        assertEquals(42, waiter.join(), "what the action wrote must be visible once await returns true");
    }

    @Test
    void theActionSeesWhatWasWrittenBeforeStart() throws Exception {
        Timer timer = primitives.timer(0, MS, () -> seenByAction = written);
        written = 7;
        timer.start();
        assertTrue(timer.await(NEVER, MS));
        assertEquals(7, seenByAction, "a write before start() must be visible to the action");
    }

    @Test
    void aNegativeDelayCountsAsZero() throws Exception {
        Timer timer = primitives.timer(-1, TimeUnit.DAYS, runs::incrementAndGet);
        timer.start();
        assertTrue(timer.await(NEVER, MS), "a negative delay counts as 0: the action must run at once");
        assertEquals(1, runs.get());
    }

    @Test
    void theActionRunsOnADaemonThreadOfItsOwn() throws Exception {
        AtomicReference<Thread> runner = new AtomicReference<>();
        Timer timer = primitives.timer(0, MS, () -> runner.set(Thread.currentThread()));
        timer.start();
        assertTrue(timer.await(NEVER, MS));
        assertNotSame(Thread.currentThread(), runner.get(), "the action must run on the timer's own thread");
        assertTrue(runner.get().isDaemon(), "the timer's thread must be a daemon");
    }

    // ---------------------------------------------------------------- interrupts

    @Test
    void awaitThrowsWhenInterruptedOnEntry() throws Exception {
        Timer idle = countingTimer(0);
        assertInterruptedOnEntry("await(timeout) before start()", () -> idle.await(NEVER, MS));
        assertInterruptedOnEntry("await(0) before start()", () -> idle.await(0, MS));
        Timer done = countingTimer(0);
        done.start();
        assertTrue(done.await(NEVER, MS));
        assertInterruptedOnEntry("await(timeout) after the action ran", () -> done.await(NEVER, MS));
        assertInterruptedOnEntry("await(0) after the action ran", () -> done.await(0, MS));
        assertTrue(idle.cancel());
    }

    @Test
    void awaitThrowsWhenInterruptedWhileWaiting() throws Exception {
        Timer timer = countingTimer(NEVER);
        timer.start();
        assertInterruptedWhileWaiting("await(timeout)", () -> timer.await(NEVER, MS));
        assertTrue(timer.cancel());
        assertEquals(0, runs.get());
    }
}
