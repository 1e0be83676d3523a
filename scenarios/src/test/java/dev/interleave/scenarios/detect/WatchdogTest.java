package dev.interleave.scenarios.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.Worker;
import dev.interleave.stress.harness.Workers;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    private static final long WINDOW_MS = 100;
    private static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(WINDOW_MS);

    @Test
    void firesOnADeadlockOfRealThreadsAndNamesTheCycle() throws Exception {
        WaitFor graph = new WaitFor();
        TrackingPrimitives tracked = new TrackingPrimitives(new JdkLocks(), graph);
        Lock lock1 = tracked.lock("Lock 1");
        Lock lock2 = tracked.lock("Lock 2");
        AtomicLong done = new AtomicLong();
        CyclicBarrier rendezvous = new CyclicBarrier(2);
        try (Workers workers = new Workers(); Watchdog watchdog = new Watchdog(graph, done::get, WINDOW_MS).start()) {
            Worker<Void> task1 = workers.start("Task 1", () -> inverted("Task 1", lock1, lock2, rendezvous, done));
            Worker<Void> task2 = workers.start("Task 2", () -> inverted("Task 2", lock2, lock1, rendezvous, done));
            Watchdog.Report report = watchdog.awaitReport(Watchdog.Report::deadlock, Delays.LONG_DELAY_MS);
            task1.interrupt();
            task2.interrupt();
            task1.join();
            task2.join();
            assertNotNull(report, "the watchdog should report the deadlock: " + watchdog.reports());
            assertEquals(List.of("Task 1", "Lock 2", "Task 2", "Lock 1", "Task 1"), report.graph().cycle());
            assertTrue(report.summary().contains(
                    "Deadlock: Task 1 holds Lock 1 and waits for Lock 2; Task 2 holds Lock 2 and waits for Lock 1"),
                    report.summary());
        }
    }

    private static void inverted(String name, Lock first, Lock second, CyclicBarrier rendezvous, AtomicLong done)
            throws Exception {
        Thread.currentThread().setName(name);
        first.acquire();
        try {
            rendezvous.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS);
            second.acquireInterruptibly();
            done.incrementAndGet();
            second.release();
        } catch (InterruptedException expected) {
            // the test ends the deadlock
        } finally {
            first.release();
        }
    }

    @Test
    void namesAStarvingTaskTheLockAndAHolderThatEndedWithoutReleasing() throws Exception {
        WaitFor graph = new WaitFor();
        Lock lock = new TrackingPrimitives(new JdkLocks(), graph).lock("Lock");
        AtomicLong done = new AtomicLong();
        try (Workers workers = new Workers(); Watchdog watchdog = new Watchdog(graph, done::get, WINDOW_MS).start()) {
            workers.start("Task 1", () -> {
                Thread.currentThread().setName("Task 1");
                lock.acquire(); // and never releases it
            }).join();
            Worker<Void> task2 = workers.start("Task 2", () -> {
                Thread.currentThread().setName("Task 2");
                try {
                    lock.acquireInterruptibly();
                    done.incrementAndGet();
                } catch (InterruptedException expected) {
                    // the test ends the wait
                }
            });
            Watchdog.Report report = watchdog.awaitReport(r -> r.kind() == Watchdog.Kind.WAITING,
                    Delays.LONG_DELAY_MS);
            task2.interrupt();
            task2.join();
            assertNotNull(report, "the watchdog should report the starving task: " + watchdog.reports());
            assertTrue(report.summary().contains("Task 2 waits for Lock")
                    && report.summary().contains("held by Task 1")
                    && report.summary().contains("which has ended without releasing it"), report.summary());
            assertTrue(report.graph().cycle().isEmpty());
        }
    }

    @Test
    void staysQuietWhileRealThreadsMakeProgress() throws Exception {
        WaitFor graph = new WaitFor();
        TrackingPrimitives tracked = new TrackingPrimitives(new JdkLocks(), graph);
        Lock lock1 = tracked.lock("Lock 1");
        Lock lock2 = tracked.lock("Lock 2");
        AtomicLong done = new AtomicLong();
        try (Workers workers = new Workers();
                Watchdog watchdog = new Watchdog(graph, done::get, Delays.LONG_DELAY_MS / 2).start()) {
            for (String name : List.of("Task 1", "Task 2")) {
                workers.start(name, () -> {
                    for (int i = 0; i < 5_000; i++) {
                        lock1.acquire();
                        lock2.acquire();
                        done.incrementAndGet();
                        lock2.release();
                        lock1.release();
                    }
                });
            }
            workers.joinAll();
            assertEquals(List.of(), watchdog.reports());
            assertEquals(10_000, done.get());
        }
    }

    @Test
    void looksOnlyAfterAWindowWithoutProgressAndReportsEachPictureOnce() throws Exception {
        WaitFor graph = new WaitFor();
        AtomicLong done = new AtomicLong();
        Watchdog watchdog = new Watchdog(graph, done::get, WINDOW_MS);
        assertNull(watchdog.check(0));
        assertNull(watchdog.check(WINDOW - 1), "the window has not passed");
        Watchdog.Report first = watchdog.check(WINDOW);
        assertNotNull(first);
        assertEquals(Watchdog.Kind.NO_PROGRESS, first.kind());
        assertNull(watchdog.check(2 * WINDOW), "the same picture is reported once");
        graph.waiting("Lock");
        Watchdog.Report second = watchdog.check(3 * WINDOW);
        assertNotNull(second, "a new picture is reported");
        assertEquals(Watchdog.Kind.WAITING, second.kind());
        graph.done();
        done.incrementAndGet();
        assertNull(watchdog.check(4 * WINDOW), "progress");
        assertNull(watchdog.check(5 * WINDOW - 1));
        assertNotNull(watchdog.check(5 * WINDOW), "a new stall is reported again");
        assertEquals(3, watchdog.reports().size());
    }

    @Test
    void staysQuietWhileProgressMoves() {
        AtomicLong done = new AtomicLong();
        Watchdog watchdog = new Watchdog(new WaitFor(), done::get, WINDOW_MS);
        for (long t = 0; t < 100 * WINDOW; t += WINDOW / 2) {
            done.incrementAndGet();
            assertNull(watchdog.check(t));
        }
        assertEquals(List.of(), watchdog.reports());
    }
}
