package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.record.Recording.Expectation;
import dev.interleave.scenarios.record.Recording.Verdict;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import dev.interleave.stress.harness.Worker;
import dev.interleave.stress.harness.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;

/**
 * Slide 46 of the lecture, events: several tasks wait for an event; a task sets it, waking up
 * every task waiting for it; a task can clear it, so that tasks waiting for it later block
 * again.
 *
 * <p>The start gate: workers {@code event.wait()} and a starter {@code event.set()}s; in every
 * schedule, every worker passes once the event is set, and none before. The broken gate is a
 * bare condition, {@code with cond: cond.wait()} and {@code with cond: cond.notify_all()}: a
 * condition does not remember that it was notified, so a worker that arrives after the
 * notification waits forever (the missed signal an event exists to prevent); the explorer finds
 * the schedule in which no task can move. With the event, the same program never gets stuck:
 * the flag remembers. With real threads, {@code clear()} makes a later waiter block again (its
 * timed wait runs out) while the tasks that were waiting when {@code set()} ran still pass.
 */
@InterleaveTest
@DisplayName("10. Events")
public class EventScenario {
    static final Case CASE = new Case("event", "10. Events");

    /** What the workers wait at. */
    enum Gate {
        /** {@code event.wait()} / {@code event.set()}. */
        EVENT,
        /** {@code with cond: cond.wait()} / {@code with cond: cond.notify_all()}, no flag. */
        BARE_CONDITION
    }

    /** The shared state: whether the starter has opened the gate, and who passed. */
    static final class StartGate {
        volatile boolean opened;
        final List<String> passed = new ArrayList<>();
        final List<String> early = new ArrayList<>();

        synchronized void pass(String worker) {
            passed.add(worker);
            if (!opened) {
                early.add(worker);
            }
        }

        synchronized String describe() {
            return (opened ? "open" : "closed") + ", passed: " + passed.size();
        }
    }

    /** A starter (first) opens the gate once; {@code workers} workers wait at it, then pass. */
    static void program(Setup s, int workers, Gate kind) {
        StartGate gate = new StartGate();
        Event event = kind == Gate.EVENT ? s.primitives().event("Event") : null;
        Lock lock = kind == Gate.BARE_CONDITION ? s.primitives().lock("Lock") : null;
        Condition cond = lock == null ? null : lock.newCondition();
        s.task("Starter", t -> {
            if (kind == Gate.EVENT) {
                t.run("event.set()", () -> {
                    gate.opened = true;
                    event.set();
                });
            } else {
                t.run("with cond: cond.notify_all()", () -> {
                    lock.acquire();
                    try {
                        gate.opened = true;
                        cond.signalAll();
                    } finally {
                        lock.release();
                    }
                });
            }
        });
        List<String> names = new ArrayList<>();
        for (int w = 1; w <= workers; w++) {
            String name = "Worker " + w;
            names.add(name);
            s.task(name, t -> {
                if (kind == Gate.EVENT) {
                    t.run("event.wait()", event::await);
                } else {
                    t.run("with cond: cond.wait()", () -> {
                        lock.acquire();
                        try {
                            cond.await();
                        } finally {
                            lock.release();
                        }
                    });
                }
                t.run("passes the start gate", () -> gate.pass(name));
            });
        }
        s.state("Start gate", gate::describe);
        s.outcome(() -> gate.passed.size() + " of " + workers + " workers passed");
        s.check(() -> {
            if (!gate.early.isEmpty()) {
                return String.join(", ", gate.early) + " passed the start gate before it was opened.";
            }
            List<String> left = names.stream().filter(n -> !gate.passed.contains(n)).toList();
            return left.isEmpty() ? null : String.join(", ", left) + " did not pass the open start gate.";
        });
    }

    @ExpectedSuccess
    @DisplayName("a start gate: once the event is set, every worker passes, and none before (every schedule)")
    void eventSetReleasesEveryWorker() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, 2, Gate.EVENT),
                Options.systematic()).explore();
        CASE.expectSuccess("start-gate-event", found);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @ExpectedFailure
    @DisplayName("a bare condition as the start gate: a worker that arrives after notify_all() waits forever")
    void bareConditionMissesTheSignal() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> program(s, 2, Gate.BARE_CONDITION), Options.systematic()).explore();
        CASE.expectFailure("bare-condition", "a missed signal: a worker waiting forever", found,
                Explorer.Ending.STUCK);
        assertTrue(found.failureMessage().contains("waits for a signal on condition"),
                "a worker should be waiting for a signal: " + found.failureMessage());
    }

    @ExpectedSuccess
    @DisplayName("clear() makes a later waiter block again; the tasks waiting when set() ran still pass")
    void clearMakesLaterWaitersBlock() {
        realRun(ImplementationUnderTest.primitives());
    }

    /**
     * With real threads: two workers wait; the starter sets the event and clears it right away;
     * both workers pass (they were waiting when {@code set()} ran). A latecomer that waits after
     * the {@code clear()} blocks: the starter's own timed wait runs out ({@code False}) while the
     * latecomer still waits; a second {@code set()} lets it pass. Every wait is bounded.
     */
    static void realRun(Primitives primitives) {
        RealThreadsLog log = new RealThreadsLog(List.of("Starter", "Worker 1", "Worker 2", "Latecomer"));
        Event event = primitives.event();
        String failure = null;
        try (Workers workers = new Workers()) {
            List<Worker<Boolean>> waiting = new ArrayList<>();
            for (String name : List.of("Worker 1", "Worker 2")) {
                Worker<Boolean> worker = workers.call(name, () -> event.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS));
                worker.assertBlocked();
                log.noteBlocked(name, "event.wait(): waits", flag(event));
                waiting.add(worker);
            }
            event.set();
            log.note("Starter", "event.set()", flag(event));
            event.clear();
            log.note("Starter", "event.clear()", flag(event));
            for (int w = 0; w < waiting.size(); w++) {
                boolean passed = waiting.get(w).join();
                log.note("Worker " + (w + 1), "event.wait() returns " + python(passed)
                        + (passed ? " (it was waiting when set() ran)" : ""), flag(event));
                if (!passed) {
                    failure = "Worker " + (w + 1) + " was waiting when set() ran, but its wait returned False.";
                }
            }
            Worker<Boolean> latecomer = workers.call("Latecomer",
                    () -> event.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS));
            latecomer.assertBlocked();
            log.noteBlocked("Latecomer", "event.wait(): waits (the event is clear)", flag(event));
            long start = System.nanoTime();
            boolean timedOut = !event.await(Delays.SHORT_DELAY_MS, TimeUnit.MILLISECONDS);
            log.note("Starter", "event.wait(timeout=" + Delays.SHORT_DELAY_MS + " ms) returns " + python(!timedOut)
                    + " after " + Delays.millisSince(start) + " ms", flag(event));
            if (!timedOut && failure == null) {
                failure = "After clear(), a wait with a timeout returned True: the event did not block a later waiter.";
            }
            if (latecomer.isDone() && failure == null) {
                failure = "After clear(), the latecomer's wait returned without a set(): it did not block.";
            }
            event.set();
            log.note("Starter", "event.set()", flag(event));
            boolean latePassed = latecomer.join();
            log.note("Latecomer", "event.wait() returns " + python(latePassed), flag(event));
            if (!latePassed && failure == null) {
                failure = "The latecomer's wait returned False after the second set().";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (AssertionError e) {
            failure = e.getMessage();
        }
        CASE.judge(failure == null ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS,
                "clear-blocks-later-waiters",
                failure == null ? "the tasks waiting when set() ran passed although clear() followed at once;"
                        + " a task waiting after clear() blocked until the next set()" : failure,
                "one real run with the order forced: each waiter seen blocked before the next step; every wait"
                        + " bounded by " + Delays.LONG_DELAY_MS + " ms",
                log.threads(), "event", log.steps(), Map.of(failure == null ? "as the lecture says" : "failed", 1),
                null, null);
    }

    private static String flag(Event event) {
        return event.isSet() ? "set" : "clear";
    }

    private static String python(boolean value) {
        return value ? "True" : "False";
    }
}
