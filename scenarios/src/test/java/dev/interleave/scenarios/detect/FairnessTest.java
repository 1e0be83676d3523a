package dev.interleave.scenarios.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Lock;
import dev.interleave.stress.harness.Blocking;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FairnessTest {

    @Test
    void countsABypassWhenALaterArrivalGetsTheLockFirst() throws Exception {
        Fairness fairness = new Fairness("Lock");
        try (Actor task1 = new Actor("Task 1"); Actor task2 = new Actor("Task 2"); Actor task3 = new Actor("Task 3")) {
            task1.run(fairness::acquired);
            task2.run(fairness::arrived);
            task3.run(fairness::arrived);
            task1.run(fairness::arrived);
            task1.run(fairness::acquired); // Task 1 takes the lock again before the two waiters
            Fairness.Report report = fairness.report();
            assertEquals(2, report.bypasses(), report.summary());
            assertEquals(List.of("Task 1", "Task 1"), report.order());
            assertEquals(List.of("Task 2", "Task 3"), fairness.waiting());
            assertEquals(Map.of("Task 1", 2), report.acquisitions());
            assertEquals(1, report.maxOvertaken().get("Task 2"));
            assertEquals(1, report.maxOvertaken().get("Task 3"));
            assertTrue(report.bypassed().get(0).startsWith("Task 1 got Lock before Task 2"), report.bypassed().toString());
        }
    }

    @Test
    void countsNoBypassWhenTheLockGoesOutInOrderOfArrival() throws Exception {
        Fairness fairness = new Fairness("Lock");
        try (Actor task1 = new Actor("Task 1"); Actor task2 = new Actor("Task 2"); Actor task3 = new Actor("Task 3")) {
            task1.run(fairness::acquired);
            task2.run(fairness::arrived);
            task3.run(fairness::arrived);
            task1.run(fairness::arrived);
            task2.run(fairness::acquired);
            task3.run(fairness::acquired);
            task1.run(fairness::acquired);
            Fairness.Report report = fairness.report();
            assertEquals(0, report.bypasses(), report.summary());
            assertEquals(List.of("Task 1", "Task 2", "Task 3", "Task 1"), report.order());
            assertEquals(Map.of("Task 1", 0, "Task 2", 0, "Task 3", 0), report.maxOvertaken());
        }
    }

    @Test
    void aWaiterThatGaveUpIsNotBypassed() throws Exception {
        Fairness fairness = new Fairness("Lock");
        try (Actor task1 = new Actor("Task 1"); Actor task2 = new Actor("Task 2")) {
            task2.run(fairness::arrived);
            task2.run(fairness::gaveUp);
            task1.run(fairness::arrived);
            task1.run(fairness::acquired);
            assertEquals(0, fairness.report().bypasses());
        }
    }

    @Test
    void aStarvingWaiterShowsInTheReportWhileItStillWaits() throws Exception {
        Fairness fairness = new Fairness("Lock");
        try (Actor task1 = new Actor("Task 1"); Actor task2 = new Actor("Task 2")) {
            task1.run(fairness::acquired);
            task2.run(fairness::arrived);
            for (int i = 0; i < 3; i++) {
                task1.run(fairness::arrived);
                task1.run(fairness::acquired);
            }
            Fairness.Report report = fairness.report();
            assertEquals(3, report.bypasses());
            assertEquals(3, report.maxOvertaken().get("Task 2"), "Task 2 was overtaken three times and still waits");
            assertTrue(report.maxWaitMillis().containsKey("Task 2"));
        }
    }

    /** The decorator on a real fair lock, with each waiter proven blocked before the next step. */
    @Test
    void theDecoratorSeesAFairLockServeProvenWaitersInOrder() throws Exception {
        Fairness fairness = new Fairness("Lock");
        Lock lock = fairness.watch(new JdkLocks().fairLock());
        AtomicReference<Thread> thread2 = new AtomicReference<>();
        AtomicReference<Thread> thread3 = new AtomicReference<>();
        try (Actor task1 = new Actor("Task 1"); Actor task2 = new Actor("Task 2"); Actor task3 = new Actor("Task 3")) {
            task1.run(lock::acquire);
            task2.run(() -> thread2.set(Thread.currentThread()));
            task3.run(() -> thread3.set(Thread.currentThread()));
            Future<?> waits2 = task2.start(() -> {
                lock.acquire();
                lock.release();
            });
            provenWaiting(fairness, thread2.get());
            Future<?> waits3 = task3.start(() -> {
                lock.acquire();
                lock.release();
            });
            provenWaiting(fairness, thread3.get());
            task1.run(lock::release);
            waits2.get(10, TimeUnit.SECONDS);
            waits3.get(10, TimeUnit.SECONDS);
            Fairness.Report report = fairness.report();
            assertEquals(0, report.bypasses(), report.summary());
            assertEquals(List.of("Task 1", "Task 2", "Task 3"), report.order());
            assertEquals(List.of(), fairness.waiting());
        }
    }

    /** Waits until {@code thread} has arrived and is blocked in the lock. */
    private static void provenWaiting(Fairness fairness, Thread thread) {
        Blocking.awaitCondition(thread.getName() + " to wait for the lock",
                () -> fairness.waiting().contains(thread.getName()) && Blocking.isBlocked(thread));
    }

    @Test
    void aSuccessfulTryAcquireWhileOthersWaitIsABypass() throws Exception {
        Fairness fairness = new Fairness("Lock");
        Lock lock = fairness.watch(new JdkLocks().lock());
        try (Actor task1 = new Actor("Task 1"); Actor task2 = new Actor("Task 2")) {
            task2.run(fairness::arrived); // proven waiting, as an explorer would note it
            task1.run(() -> {
                assertTrue(lock.tryAcquire());
                lock.release();
            });
            assertEquals(1, fairness.report().bypasses());
        }
    }
}
