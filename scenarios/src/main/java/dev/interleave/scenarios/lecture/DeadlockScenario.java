package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Lock;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.detect.Livelock;
import dev.interleave.scenarios.detect.TrackingPrimitives;
import dev.interleave.scenarios.detect.WaitFor;
import dev.interleave.scenarios.detect.Watchdog;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.explore.Task;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import dev.interleave.stress.harness.Worker;
import dev.interleave.stress.harness.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 8 of the lecture, deadlock (slides 33 and 34): "a deadlock occurs when two or more tasks
 * wait cyclically for each other".
 *
 * <ul>
 *   <li>Broken: Task 1 takes Lock 1, then Lock 2; Task 2 takes Lock 2, then Lock 1. The
 *       exploration finds the schedule in which Task 1 holds Lock 1 and waits for Lock 2 while
 *       Task 2 holds Lock 2 and waits for Lock 1, and names the cycle. With real threads, a
 *       rendez-vous forces the same schedule and the {@link Watchdog} names the cycle.
 *   <li>Fix: one global lock order (Lock 1 before Lock 2, in every task): no schedule deadlocks.
 *   <li>The slide's other solution, "if a task holds a lock and cannot acquire a second one,
 *       release the first one and try again" ({@code tryAcquire} on the second): no deadlock, but
 *       in the lock-step schedule the two tasks release and retry in step forever, a livelock
 *       (found by the explorer, and with real threads in lock-step by the {@link Livelock}
 *       detector).
 *   <li>The fix of that fix: back off a random time before trying again (a seeded random number
 *       of turns, different per task): the two tasks fall out of step and both get through.
 * </ul>
 */
@InterleaveTest
@DisplayName("8. Deadlock")
public class DeadlockScenario {
    static final Case CASE = new Case("deadlock", "8. Deadlock");

    /** Who holds which lock now, from the tracking notes ("Lock 1: Task 1, Lock 2: Task 2"), or "-". */
    static String holders(Setup s) {
        Map<String, String> held = new TreeMap<>();
        for (Recording.Edge edge : s.primitives().waitFor().graph().edges()) {
            if (edge.relation().equals("holds")) {
                held.merge(edge.to(), edge.from(), (a, b) -> a + " and " + b);
            }
        }
        if (held.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        held.forEach((lock, who) -> parts.add(lock + ": " + who));
        return String.join(", ", parts);
    }

    static void program(Setup s, boolean ordered) {
        Lock lock1 = s.primitives().lock("Lock 1");
        Lock lock2 = s.primitives().lock("Lock 2");
        AtomicInteger done = new AtomicInteger();
        s.task("Task 1", t -> both(t, lock1, lock2, done));
        s.task("Task 2", t -> both(t, ordered ? lock1 : lock2, ordered ? lock2 : lock1, done));
        s.state("Held", () -> holders(s));
        s.outcome(() -> done.get() + " critical section(s) done");
        s.check(() -> done.get() == 2 ? null : "only " + done.get() + " critical section(s) done");
    }

    /** Takes {@code first}, then {@code second}, does the critical section, releases both. */
    static void both(Task t, Lock first, Lock second, AtomicInteger done) throws Exception {
        t.run(first + ".acquire()", first::acquire);
        t.run(second + ".acquire()", second::acquire);
        t.run("critical section", done::incrementAndGet);
        t.run(second + ".release()", second::release);
        t.run(first + ".release()", first::release);
    }

    /**
     * The slide's "release the first one and try again": takes {@code first}, tries
     * {@code second} without waiting, and when it is busy releases {@code first} and starts
     * over, after backing off a random number of turns when {@code backOff} is given.
     */
    static void politely(Task t, Lock first, Lock second, AtomicInteger done, Random backOff) throws Exception {
        while (true) {
            t.run(first + ".acquire()", first::acquire);
            boolean got = t.call(second + ".tryAcquire()", second::tryAcquire,
                    ok -> second + ".tryAcquire(): " + (ok ? "got it" : "busy"));
            if (got) {
                t.run("critical section", done::incrementAndGet);
                t.run(second + ".release()", second::release);
                t.run(first + ".release()", first::release);
                return;
            }
            t.run(first + ".release(), try again", first::release);
            if (backOff != null) {
                t.pause(1 + backOff.nextInt(4));
            }
        }
    }

    static void politeProgram(Setup s, boolean backOff) {
        Lock lock1 = s.primitives().lock("Lock 1");
        Lock lock2 = s.primitives().lock("Lock 2");
        AtomicInteger done = new AtomicInteger();
        Random random1 = backOff ? new Random(1) : null;
        Random random2 = backOff ? new Random(2) : null;
        s.task("Task 1", t -> politely(t, lock1, lock2, done, random1));
        s.task("Task 2", t -> politely(t, lock2, lock1, done, random2));
        s.state("Held", () -> holders(s));
        s.progress(done::get);
        s.outcome(() -> done.get() + " critical section(s) done");
        s.check(() -> done.get() == 2 ? null : "only " + done.get() + " critical section(s) done");
    }

    /** The lock-step schedule: Task 1 and Task 2 in turn, one step each; 30 steps without progress are a livelock. */
    static Options lockStep() {
        return Options.lockStep(300, 30);
    }

    @ExpectedFailure
    @DisplayName("Task 1 holds Lock 1 and waits for Lock 2; Task 2 holds Lock 2 and waits for Lock 1")
    void oppositeOrderDeadlocks() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, false),
                Options.systematic()).explore();
        CASE.expectFailure("opposite-order", "a deadlock", found, Explorer.Ending.STUCK);
        assertEquals(List.of("Task 1", "Lock 2", "Task 2", "Lock 1", "Task 1"), found.waitFor().cycle(),
                "the wait-for graph should have the cycle");
        assertTrue(found.failureMessage().startsWith(
                        "Deadlock: Task 1 holds Lock 1 and waits for Lock 2; Task 2 holds Lock 2 and waits for Lock 1"),
                found.failureMessage());
    }

    @ExpectedSuccess
    @DisplayName("one global lock order (Lock 1 before Lock 2 everywhere): no schedule deadlocks")
    void globalLockOrderNeverDeadlocks() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, true),
                Options.systematic()).explore();
        CASE.expectSuccess("global-order", found);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @ExpectedFailure
    @DisplayName("release the first lock and try again: in lock-step they retry forever (livelock)")
    void releaseAndRetryLivelocksInLockStep() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> politeProgram(s, false),
                lockStep()).explore();
        CASE.expectFailure("release-and-retry", "a livelock", found, Explorer.Ending.LIVELOCK);
    }

    @ExpectedSuccess
    @DisplayName("release, back off a random time, try again: both tasks get through")
    void randomBackOffGetsBothThrough() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> politeProgram(s, true),
                lockStep()).explore();
        CASE.expectSuccess("random-back-off", found);
        assertEquals(Set.of("2 critical section(s) done"), found.outcomes().keySet());
    }

    // ---- real threads ----------------------------------------------------------------------

    /** What the real threads did, as rows of the lecture's table (in the order they were noted). */
    static final class Notes {
        private final List<Recording.Step> steps = new ArrayList<>();

        synchronized void add(String thread, String operation, String kind) {
            steps.add(new Recording.Step(steps.size() + 1, thread, operation, null, kind));
        }

        synchronized List<Recording.Step> steps() {
            return List.copyOf(steps);
        }
    }

    static void await(CyclicBarrier rendezvous) throws Exception {
        rendezvous.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    /** How long the progress counter may stand still before the watchdog or the livelock detector looks. */
    static long window() {
        return Math.max(200, 4 * Delays.SHORT_DELAY_MS);
    }

    @ExpectedFailure
    @DisplayName("real threads, opposite order forced by a rendez-vous: the watchdog names the cycle")
    void watchdogNamesTheCycleOfRealThreads() throws Exception {
        WaitFor graph = new WaitFor();
        TrackingPrimitives tracked = new TrackingPrimitives(ImplementationUnderTest.primitives(), graph);
        Lock lock1 = tracked.lock("Lock 1");
        Lock lock2 = tracked.lock("Lock 2");
        AtomicLong done = new AtomicLong();
        CyclicBarrier rendezvous = new CyclicBarrier(2);
        Notes notes = new Notes();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Watchdog.Report report;
        try (Watchdog watchdog = new Watchdog(graph, done::get, window()).start()) {
            Thread task1 = daemon("Task 1", () -> inverted("Task 1", lock1, lock2, rendezvous, done, notes), failures);
            Thread task2 = daemon("Task 2", () -> inverted("Task 2", lock2, lock1, rendezvous, done, notes), failures);
            report = watchdog.awaitReport(Watchdog.Report::deadlock, Delays.LONG_DELAY_MS);
            notes.add("Watchdog", report == null ? "no deadlock reported" : report.summary(), "note");
            // end the deadlock where the implementation lets a waiter be interrupted; a thread that
            // keeps waiting is a daemon left stuck, harmless
            task1.interrupt();
            task2.interrupt();
            task1.join(Delays.SHORT_DELAY_MS);
            task2.join(Delays.SHORT_DELAY_MS);
            if (task1.isAlive() || task2.isAlive()) {
                notes.add("Watchdog", "interrupting them does not end the wait here: the tasks stay stuck", "note");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a task failed: " + failures.get(0), failures.get(0));
        }
        boolean shown = report != null && report.graph().cycle().equals(
                List.of("Task 1", "Lock 2", "Task 2", "Lock 1", "Task 1"));
        CASE.judge(shown ? Recording.Verdict.FAILURE_SHOWN : Recording.Verdict.FAILURE_NOT_FOUND,
                Recording.Expectation.EXPECTED_FAILURE, "real-threads-watchdog",
                shown ? report.summary() : "not found: the watchdog named no cycle within " + Delays.LONG_DELAY_MS
                        + " ms (" + (report == null ? "no report" : report.summary()) + ")",
                "two real threads, the opposite lock order forced by a rendez-vous (both hold their first lock "
                        + "before either asks for the second); a watchdog that looks at the wait-for graph after "
                        + window() + " ms without progress",
                List.of("Task 1", "Task 2", "Watchdog"), null, notes.steps(), Map.of(),
                report == null ? null : report.graph(), null);
    }

    /**
     * Starts a daemon thread named {@code name} running {@code body}; what it throws goes to
     * {@code failures}. Unlike a worker it may be left behind, stuck in the deadlock it shows.
     */
    static Thread daemon(String name, Task.Action body, List<Throwable> failures) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Takes {@code first}, meets the other task, then waits (interruptibly) for {@code second}. */
    static void inverted(String name, Lock first, Lock second, CyclicBarrier rendezvous, AtomicLong done, Notes notes)
            throws Exception {
        first.acquire();
        notes.add(name, first + ".acquire(): holds " + first, "step");
        try {
            await(rendezvous);
            notes.add(name, "rendez-vous: both hold their first lock", "step");
            notes.add(name, second + ".acquire(): waits", "blocked");
            second.acquireInterruptibly();
            try {
                done.incrementAndGet();
            } finally {
                second.release();
            }
        } catch (InterruptedException e) {
            notes.add(name, "interrupted by the test: stops waiting for " + second, "woken");
        } finally {
            first.release();
        }
    }

    @ExpectedSuccess
    @DisplayName("real threads, one global lock order: the watchdog stays quiet")
    void watchdogStaysQuietWithGlobalOrder() throws Exception {
        WaitFor graph = new WaitFor();
        TrackingPrimitives tracked = new TrackingPrimitives(ImplementationUnderTest.primitives(), graph);
        Lock lock1 = tracked.lock("Lock 1");
        Lock lock2 = tracked.lock("Lock 2");
        AtomicLong done = new AtomicLong();
        int rounds = 2_000;
        List<Watchdog.Report> reports;
        try (Workers workers = new Workers();
                Watchdog watchdog = new Watchdog(graph, done::get, Delays.LONG_DELAY_MS / 2).start()) {
            for (String name : List.of("Task 1", "Task 2")) {
                workers.start(name, () -> {
                    Thread.currentThread().setName(name);
                    for (int i = 0; i < rounds; i++) {
                        lock1.acquire();
                        try {
                            lock2.acquire();
                            try {
                                done.incrementAndGet();
                            } finally {
                                lock2.release();
                            }
                        } finally {
                            lock1.release();
                        }
                    }
                });
            }
            workers.joinAll();
            reports = watchdog.reports();
        }
        boolean quiet = reports.isEmpty() && done.get() == 2L * rounds;
        CASE.judge(quiet ? Recording.Verdict.PASSED : Recording.Verdict.FAILED, Recording.Expectation.EXPECTED_SUCCESS,
                "real-threads-global-order",
                quiet ? "both threads did their " + rounds + " critical sections; the watchdog reported nothing"
                        : reports.isEmpty() ? done.get() + " critical sections done instead of " + 2 * rounds
                                : reports.get(0).summary(),
                "two real threads, " + rounds + " critical sections each, both taking Lock 1 before Lock 2; a "
                        + "watchdog that looks at the wait-for graph after " + Delays.LONG_DELAY_MS / 2
                        + " ms without progress",
                List.of("Task 1", "Task 2"), null, List.of(), Map.of(), reports.isEmpty() ? null : reports.get(0).graph(),
                Case.details("criticalSections", done.get()));
    }

    @ExpectedFailure
    @DisplayName("real threads in lock-step, release and try again: the livelock detector fires")
    void livelockDetectorFiresOnRealThreadsInLockStep() throws Exception {
        Lock lock1 = ImplementationUnderTest.primitives().lock();
        Lock lock2 = ImplementationUnderTest.primitives().lock();
        AtomicLong attempts = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Notes notes = new Notes();
        boolean[] exit = new boolean[1];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Delays.LONG_DELAY_MS);
        AtomicBoolean stop = new AtomicBoolean();
        // the barrier's action decides, once per round and for both, whether to go on
        CyclicBarrier step = new CyclicBarrier(2,
                () -> exit[0] = stop.get() || done.get() > 0 || System.nanoTime() > deadline);
        Livelock.Report report;
        try (Workers workers = new Workers();
                Livelock detector = new Livelock("Task 1 and Task 2", attempts::get, done::get, window()).start()) {
            Worker<Void> task1 = workers.start("Task 1",
                    () -> retryInStep("Task 1", "Lock 1", lock1, "Lock 2", lock2, step, exit, attempts, done, notes));
            Worker<Void> task2 = workers.start("Task 2",
                    () -> retryInStep("Task 2", "Lock 2", lock2, "Lock 1", lock1, step, exit, attempts, done, notes));
            report = detector.awaitReport(Delays.LONG_DELAY_MS);
            stop.set(true);
            task1.join();
            task2.join();
        }
        notes.add("Livelock detector", report == null ? "no livelock reported" : report.summary(), "note");
        boolean shown = report != null && done.get() == 0;
        CASE.judge(shown ? Recording.Verdict.FAILURE_SHOWN : Recording.Verdict.FAILURE_NOT_FOUND,
                Recording.Expectation.EXPECTED_FAILURE, "real-threads-livelock",
                shown ? report.summary() : "not found: a livelock (" + done.get() + " critical sections done, "
                        + attempts.get() + " attempts)",
                "two real threads in lock-step (a rendez-vous before each try and each release); a livelock "
                        + "detector that fires when attempts go on and no critical section is done for " + window()
                        + " ms",
                List.of("Task 1", "Task 2", "Livelock detector"), null, notes.steps(), Map.of(), null,
                Case.details("attempts", attempts.get(), "criticalSections", done.get()));
    }

    /**
     * One task of the real-thread livelock: each round, take the first lock; meet; try the
     * second; meet; release what it holds; meet. Both hold their first lock when they try.
     */
    static void retryInStep(String name, String firstName, Lock first, String secondName, Lock second,
            CyclicBarrier step, boolean[] exit, AtomicLong attempts, AtomicLong done, Notes notes) throws Exception {
        Thread.currentThread().setName(name);
        for (int round = 1; ; round++) {
            boolean show = round <= 2;
            first.acquire();
            if (show) {
                notes.add(name, firstName + ".acquire()", "step");
            }
            await(step);
            boolean got = second.tryAcquire();
            attempts.incrementAndGet();
            if (show) {
                notes.add(name, secondName + ".tryAcquire(): " + (got ? "got it" : "busy"), "step");
            }
            await(step);
            if (got) {
                done.incrementAndGet();
                second.release();
            }
            first.release();
            if (show) {
                notes.add(name, firstName + ".release(), try again" + (round == 2 ? " (and so on, in step)" : ""),
                        "step");
            }
            await(step);
            if (exit[0]) {
                return;
            }
        }
    }
}
