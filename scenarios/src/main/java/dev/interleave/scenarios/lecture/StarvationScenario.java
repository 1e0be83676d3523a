package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Held;
import dev.interleave.primitives.Lock;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.Observation;
import dev.interleave.scenarios.detect.Fairness;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.explore.Task;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 7 of the lecture, starvation (slides 31 and 32, "Warning: Locks may cause Starvation and
 * Deadlocks!"): a task is constantly denied the lock it needs and can never finish.
 *
 * <ul>
 *   <li>Broken: Task 1 acquires the lock and never releases it. The realistic way this happens:
 *       its critical section throws, the error is handled further out, and the
 *       {@code release()} written after the critical section is skipped. The exploration ends
 *       stuck: Task 2 waits for the lock forever, held by Task 1, which has ended.
 *   <li>Fixed: the lecture's {@code with lock:} (slide 37), in Java
 *       {@code try (var held = lock.hold()) { ... }}: the lock is released however the critical
 *       section ends, and Task 2 gets through in every schedule.
 *   <li>Fairness: even with every lock released, a task can starve when others keep taking the
 *       lock again before it. With {@code fairLock()} no waiter is ever overtaken: in a forced
 *       schedule in which Task 2 and Task 3 are proven waiting while Task 1 releases and at once
 *       acquires again, round after round, the lock goes out in order of arrival. The barging
 *       {@code lock()} may let the releasing task take it again; how often it did is reported,
 *       not judged (the contract allows barging and does not require it).
 * </ul>
 */
@InterleaveTest
@DisplayName("7. Starvation")
public class StarvationScenario {
    static final Case CASE = new Case("starvation", "7. Starvation");

    /** Rounds of "release, then acquire again at once" of each task in the fairness schedule. */
    static final int ROUNDS = 3;

    /** The shared stock the tasks update in their critical sections; a bad order is refused. */
    static final class Stock {
        final List<String> booked = new CopyOnWriteArrayList<>();

        void book(String order) {
            if (order.startsWith("bad")) {
                throw new IllegalArgumentException(order + " refused");
            }
            booked.add(order);
        }
    }

    /** Task 1 books a bad order (its critical section throws), Task 2 a good one. */
    static void program(Setup s, boolean withLock) {
        Stock stock = new Stock();
        Lock lock = s.primitives().lock("Lock");
        s.task("Task 1", t -> order(t, lock, stock, "bad order 1", withLock));
        s.task("Task 2", t -> order(t, lock, stock, "order 2", withLock));
        s.state("Lock held by", () -> DeadlockScenario.holders(s));
        s.outcome(() -> stock.booked.contains("order 2") ? "Task 2 got through" : "Task 2 did not get through");
        s.check(() -> stock.booked.contains("order 2") ? null
                : "Starvation: Task 2 never got through its critical section.");
    }

    static void order(Task t, Lock lock, Stock stock, String order, boolean withLock) throws Exception {
        try {
            if (withLock) {
                try (Held held = t.with(lock)) {
                    t.run("critical section: book " + order, () -> stock.book(order));
                }
            } else {
                t.run("lock.acquire()", lock::acquire);
                t.run("critical section: book " + order, () -> stock.book(order));
                t.run("lock.release()", lock::release);
            }
        } catch (IllegalArgumentException e) {
            t.run("handles the error (" + e.getMessage() + ") and ends", () -> { });
        }
    }


    @ExpectedFailure
    @DisplayName("Task 1 never releases the lock: Task 2 starves")
    void taskTwoStarvesWhenTaskOneNeverReleases() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, false),
                Options.systematic()).explore();
        CASE.expectFailure("never-released", "Task 2 waiting forever for the lock Task 1 never released", found,
                Explorer.Ending.STUCK);
        String why = found.failureMessage();
        assertTrue(why.contains("Task 2 waits for Lock") && why.contains("held by Task 1")
                        && why.contains("ended without releasing it"),
                "the report should name the starving task, the lock and its holder: " + why);
        assertTrue(found.waitFor().cycle().isEmpty(), "starvation is no deadlock: " + found.waitFor());
    }

    @ExpectedSuccess
    @DisplayName("with lock: (try with hold()) releases it even when the critical section throws")
    void withLockTaskTwoAlwaysGetsThrough() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, true),
                Options.systematic()).explore();
        CASE.expectSuccess("with-lock", found);
        assertEquals(Set.of("Task 2 got through"), found.outcomes().keySet());
    }

    /**
     * Three tasks share one lock. Each acquires it, then {@link #ROUNDS} times does its critical
     * section, releases and at once acquires again (in one step, so the releasing task races the
     * waiter it woke), then releases for good. The lock-step schedule runs Task 1, Task 2, Task 3
     * in turn: Task 2 and Task 3 find the lock held and wait (the explorer records them blocked)
     * before Task 1 first releases it.
     */
    static void fairnessProgram(Setup s, boolean fair, AtomicReference<Fairness> seen) {
        Fairness fairness = new Fairness("Lock");
        seen.set(fairness);
        Lock lock = fairness.watch(fair ? s.primitives().fairLock("Lock") : s.primitives().lock("Lock"));
        for (int i = 1; i <= 3; i++) {
            String name = "Task " + i;
            s.task(name, t -> {
                t.run("lock.acquire()", lock::acquire);
                for (int round = 1; round <= ROUNDS; round++) {
                    t.run("critical section " + round + ", lock.release(), lock.acquire() again", () -> {
                        lock.release();
                        lock.acquire();
                    });
                }
                t.run("critical section " + (ROUNDS + 1) + ", lock.release()", lock::release);
            });
        }
        s.state("Lock went to", () -> String.join(" ", fairness.report().order()).replace("Task ", ""));
        s.outcome(() -> fairness.report().bypasses() + " bypass(es)");
        if (fair) {
            s.check(() -> {
                Fairness.Report report = fairness.report();
                return report.bypasses() == 0 ? null
                        : "A waiter was overtaken by a later arrival: " + report.bypassed().get(0) + " (order "
                                + report.order() + ").";
            });
        }
    }

    static List<String> arrivalOrder() {
        List<String> order = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            order.addAll(List.of("Task 1", "Task 2", "Task 3"));
        }
        return order;
    }

    /** Whether Task 2 and Task 3 were seen blocked before Task 1's first release. */
    static boolean waitersProven(List<Recording.Step> steps) {
        boolean task2 = false;
        boolean task3 = false;
        for (Recording.Step step : steps) {
            if (step.thread().equals("Task 1") && step.operation().startsWith("critical section 1")) {
                return task2 && task3;
            }
            task2 |= step.thread().equals("Task 2") && "blocked".equals(step.kind());
            task3 |= step.thread().equals("Task 3") && "blocked".equals(step.kind());
        }
        return false;
    }

    static Options fairnessSchedule() {
        return Options.lockStep(200, 0);
    }

    @ExpectedSuccess
    @DisplayName("fairLock(): no waiter is ever overtaken, the lock goes out in order of arrival")
    void fairLockServesWaitersInOrderOfArrival() {
        AtomicReference<Fairness> seen = new AtomicReference<>();
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> fairnessProgram(s, true, seen),
                fairnessSchedule()).explore();
        Fairness.Report report = seen.get().report();
        CASE.expectSuccess("fair-lock", found, fairnessDetails(report));
        assertTrue(waitersProven(found.steps()),
                "the schedule should make Task 2 and Task 3 wait before Task 1 releases the lock");
        assertEquals(0, report.bypasses(), report.summary());
        assertEquals(arrivalOrder(), report.order(), "the lock should go out in order of arrival");
    }

    @Observation
    @DisplayName("lock() may barge: how often the releasing task took the lock again before a waiter")
    void bargingLockBypassesAreReported() {
        AtomicReference<Fairness> seen = new AtomicReference<>();
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> fairnessProgram(s, false, seen),
                fairnessSchedule()).explore();
        Fairness.Report report = seen.get().report();
        boolean proven = waitersProven(found.steps());
        boolean ok = !found.failed() && proven && report.order().size() == 3 * (ROUNDS + 1);
        String summary = found.failed() ? found.failureMessage()
                : !proven ? "the schedule did not make Task 2 and Task 3 wait before Task 1 released the lock"
                        : report.summary() + " The contract allows lock() to barge and does not require it.";
        CASE.judge(ok ? Recording.Verdict.OBSERVED : Recording.Verdict.FAILED, Recording.Expectation.OBSERVATION,
                "barging-lock", summary, found.method(), found.shown().threads(), found.shown().stateLabel(),
                found.steps(), found.outcomes(), found.waitFor(), fairnessDetails(report));
    }

    static Map<String, Object> fairnessDetails(Fairness.Report report) {
        return Case.details("bypasses", report.bypasses(), "acquisitions", report.acquisitions(),
                "maxOvertaken", report.maxOvertaken(), "order", report.order(), "bypassed", report.bypassed(),
                "arrival", "just before acquire(); proven by the schedule: a waiter was seen blocked in the lock "
                        + "before the next step started");
    }
}
