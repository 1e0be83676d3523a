package dev.interleave.scenarios.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.Workers;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LivelockTest {
    private static final long WINDOW_MS = 100;
    private static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(WINDOW_MS);

    @Test
    void firesWhenTheThreadsAreBusyAndNothingGetsDone() {
        AtomicLong steps = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Livelock detector = new Livelock("Task 1 and Task 2", steps::get, done::get, WINDOW_MS);
        assertNull(detector.check(0));
        for (long t = WINDOW / 4; t < WINDOW; t += WINDOW / 4) {
            steps.addAndGet(10);
            assertNull(detector.check(t), "the window has not passed");
        }
        steps.addAndGet(10);
        Livelock.Report report = detector.check(WINDOW);
        assertNotNull(report);
        assertEquals(40, report.activity());
        assertTrue(report.summary().startsWith("Livelock: Task 1 and Task 2 took 40 steps"), report.summary());
        steps.addAndGet(10);
        assertNull(detector.check(WINDOW + WINDOW / 4), "one report per stall");
    }

    @Test
    void staysQuietWhileProgressMoves() {
        AtomicLong steps = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Livelock detector = new Livelock("Task 1 and Task 2", steps::get, done::get, WINDOW_MS);
        for (long t = 0; t < 100 * WINDOW; t += WINDOW / 4) {
            steps.addAndGet(10);
            if (t % WINDOW == 0) {
                done.incrementAndGet();
            }
            assertNull(detector.check(t));
        }
    }

    @Test
    void staysQuietWhenTheThreadsStop() {
        AtomicLong steps = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Livelock detector = new Livelock("Task 1 and Task 2", steps::get, done::get, WINDOW_MS);
        assertNull(detector.check(0));
        steps.addAndGet(3);
        assertNull(detector.check(WINDOW / 8));
        for (long t = WINDOW / 4; t < 10 * WINDOW; t += WINDOW / 4) {
            assertNull(detector.check(t), "blocked or finished threads are no livelock");
        }
    }

    @Test
    void firesOnRealThreadsRetryingInLockStepAndStaysQuietOnceTheyBackOff() throws Exception {
        for (boolean backOff : new boolean[] {false, true}) {
            JdkLocks locks = new JdkLocks();
            Lock lock1 = locks.lock();
            Lock lock2 = locks.lock();
            AtomicLong attempts = new AtomicLong();
            AtomicLong done = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            boolean[] exit = new boolean[1];
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Delays.LONG_DELAY_MS);
            CyclicBarrier step = new CyclicBarrier(2,
                    () -> exit[0] = stop.get() || done.get() >= 2 || System.nanoTime() > deadline);
            Livelock.Report report;
            try (Workers workers = new Workers();
                    Livelock detector = new Livelock("Task 1 and Task 2", attempts::get, done::get, WINDOW_MS).start()) {
                workers.start("Task 1", () -> retry(0, lock1, lock2, step, exit, attempts, done, backOff));
                workers.start("Task 2", () -> retry(1, lock2, lock1, step, exit, attempts, done, backOff));
                if (backOff) {
                    workers.joinAll();
                    report = detector.reports().isEmpty() ? null : detector.reports().get(0);
                } else {
                    report = detector.awaitReport(Delays.LONG_DELAY_MS);
                    stop.set(true);
                    workers.joinAll();
                }
            }
            if (backOff) {
                assertNull(report, "taking turns, both get through");
                assertEquals(2, done.get());
            } else {
                assertNotNull(report, "retrying in lock-step is a livelock");
                assertEquals(0, done.get());
            }
        }
    }

    /**
     * Each round: take the first lock; meet; try the second; meet; release; meet. With
     * {@code backOff}, the second task sits the first round out, so the first gets both locks.
     */
    private static void retry(int index, Lock first, Lock second, CyclicBarrier step, boolean[] exit,
            AtomicLong attempts, AtomicLong done, boolean backOff) throws Exception {
        boolean finished = false;
        for (int round = 0; ; round++) {
            boolean sitOut = finished || (backOff && index == 1 && round == 0);
            if (!sitOut) {
                first.acquire();
            }
            await(step);
            boolean got = !sitOut && second.tryAcquire();
            if (!sitOut) {
                attempts.incrementAndGet();
            }
            await(step);
            if (got) {
                done.incrementAndGet();
                finished = true;
                second.release();
            }
            if (!sitOut) {
                first.release();
            }
            await(step);
            if (exit[0]) {
                return;
            }
        }
    }

    private static void await(CyclicBarrier step) throws Exception {
        step.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    @Test
    void reportsAreListed() {
        AtomicLong steps = new AtomicLong();
        Livelock detector = new Livelock("Task 1", steps::get, () -> 0, WINDOW_MS);
        detector.check(0);
        steps.incrementAndGet();
        detector.check(WINDOW);
        assertEquals(1, detector.reports().size());
        assertEquals(List.of(), new Livelock("Task 1", () -> 0, () -> 0, WINDOW_MS).reports());
    }
}
