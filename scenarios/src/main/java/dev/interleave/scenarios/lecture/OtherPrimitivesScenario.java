package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import dev.interleave.primitives.RLock;
import dev.interleave.primitives.Semaphore;
import dev.interleave.primitives.Timer;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.explore.Task;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.scenarios.record.Recording.Expectation;
import dev.interleave.scenarios.record.Recording.Verdict;
import dev.interleave.stress.harness.Blocking;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import dev.interleave.stress.harness.Worker;
import dev.interleave.stress.harness.Workers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;

/**
 * Slide 47 of the lecture, the useful things not covered there: RLock, Semaphore, Timer and the
 * queues (FIFO, LIFO and priority).
 *
 * <ul>
 *   <li><b>RLock</b>, "a reentrant lock may be acquired several times by the same thread": a
 *       recursive function that takes a plain {@code Lock} at every level deadlocks on itself
 *       at the second level (the explorer finds Task 1 holding the lock and waiting for it; an
 *       implementation that refuses the second acquire with an exception instead counts as
 *       found as well). With an {@code RLock} the recursion works, the hold count goes 1, 2, 1,
 *       0, and another task gets the lock afterwards, never during.
 *   <li><b>Semaphore</b>, "like a lock but with a counter": at most two workers may be active at
 *       once. A hand-made counter that checks {@code active < 2} and then, in a second step,
 *       counts itself in admits a third worker (the explorer finds the schedule); with
 *       {@code semaphore(2)} no schedule ever has more than two active.
 *   <li><b>Timer</b>, "an action that should be run after a certain amount of time has passed":
 *       it runs once, after its delay; a cancelled timer never runs it. Reading the action's
 *       result right after {@code start()} is the broken variant: the harness holds the
 *       action back (a forced schedule: the timer's thread has not run yet) and the result is
 *       not there; waiting for the timer first always finds it.
 *   <li><b>Queue</b>: a FIFO queue hands items out in the order they were put, a LIFO queue the
 *       newest first, a priority queue the smallest first. Expecting first come, first served
 *       from a LIFO queue is the broken variant.
 * </ul>
 */
@InterleaveTest
@DisplayName("11. RLock, Semaphore, Timer, Queue")
public class OtherPrimitivesScenario {
    static final String TITLE = "11. RLock, Semaphore, Timer, Queue";
    static final Case RLOCK = new Case("rlock", TITLE);
    static final Case SEMAPHORE = new Case("semaphore", TITLE);
    static final Case TIMER = new Case("timer", TITLE);
    static final Case QUEUE_ORDERS = new Case("queue-orders", TITLE);

    // ---------------------------------------------------------------------------------------
    // RLock

    /** Who is inside the critical section, and the hold counts Task 1 saw. */
    static final class Holder {
        volatile String owner;
        String violation;
        final List<Integer> holdCounts = new ArrayList<>();

        void enter(String task) {
            if (owner != null && !owner.equals(task) && violation == null) {
                violation = task + " got the lock while " + owner + " still held it.";
            }
            owner = task;
        }
    }

    /**
     * {@code def visit(depth): with lock: if depth < 2: visit(depth + 1)}: takes the lock once
     * per level of the recursion.
     */
    static void visit(Task t, Lock lock, Holder holder, int depth) throws Exception {
        String name = lock instanceof RLock ? "rlock" : "lock";
        int count = t.call(name + ".acquire() (depth " + depth + ")", () -> {
            lock.acquire();
            holder.enter(t.name());
            return lock instanceof RLock r ? r.holdCount() : depth;
        }, c -> name + ".acquire() (depth " + depth + (lock instanceof RLock ? ", holdCount " + c : "") + ")");
        holder.holdCounts.add(count);
        try {
            if (depth < 2) {
                visit(t, lock, holder, depth + 1);
            }
        } finally {
            int left = t.call(name + ".release() (depth " + depth + ")", () -> {
                if (lock instanceof RLock r ? r.holdCount() == 1 : depth == 1) {
                    holder.owner = null;
                }
                lock.release();
                return lock instanceof RLock r ? r.holdCount() : depth - 1;
            }, c -> name + ".release() (depth " + depth + (lock instanceof RLock ? ", holdCount " + c : "") + ")");
            holder.holdCounts.add(left);
        }
    }

    static void recursion(Setup s, boolean reentrant) {
        Holder holder = new Holder();
        Lock lock = reentrant ? s.primitives().rlock("RLock") : s.primitives().lock("Lock");
        s.task("Task 1", t -> visit(t, lock, holder, 1));
        if (reentrant) {
            s.task("Task 2", t -> {
                t.run("with rlock: (critical section)", () -> {
                    lock.acquire();
                    holder.enter(t.name());
                    holder.owner = null;
                    lock.release();
                });
            });
        }
        s.state("Held by", () -> holder.owner == null ? "nobody" : holder.owner);
        s.outcome(() -> "hold counts " + holder.holdCounts);
        s.check(() -> {
            if (holder.violation != null) {
                return holder.violation;
            }
            if (!holder.holdCounts.equals(List.of(1, 2, 1, 0))) {
                return "Task 1 saw the hold counts " + holder.holdCounts + " instead of [1, 2, 1, 0].";
            }
            return null;
        });
    }

    @ExpectedFailure
    @DisplayName("RLock: a recursive function that takes a plain Lock twice deadlocks on itself")
    void plainLockTakenTwiceDeadlocks() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> recursion(s, false),
                Options.systematic()).explore();
        RLOCK.expectFailure("plain-lock-twice", "Task 1 waiting for the Lock it holds (a Lock that lets its"
                + " owner acquire it again is reentrant, which the contract's Lock is not)", found,
                Explorer.Ending.STUCK, Explorer.Ending.ERROR);
        if (found.failureEnding() == Explorer.Ending.STUCK) {
            assertEquals(List.of("Task 1", "Lock", "Task 1"), found.waitFor().cycle(),
                    "the cycle should be Task 1 waiting for the Lock it holds: " + found.failureMessage());
        } else {
            Recording.Step error = found.steps().stream().filter(step -> "error".equals(step.kind())).findFirst()
                    .orElseThrow(() -> new AssertionError("no step threw: " + found.steps()));
            assertTrue(error.time() == 2 && error.operation().startsWith("lock.acquire()"),
                    "the second acquire should have been the one refused: " + found.steps());
        }
    }

    @ExpectedSuccess
    @DisplayName("RLock: the same recursion with an RLock works; the hold count goes back to 0")
    void rlockTakenTwiceWorks() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> recursion(s, true),
                Options.systematic()).explore();
        RLOCK.expectSuccess("rlock-twice", found);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    // ---------------------------------------------------------------------------------------
    // Semaphore

    static final int LIMIT = 2;

    /** The number of active workers, and the most seen at once. */
    static final class Active {
        private int now;
        private int most;

        synchronized void enter() {
            now++;
            most = Math.max(most, now);
        }

        synchronized void leave() {
            now--;
        }

        synchronized int now() {
            return now;
        }

        synchronized int most() {
            return most;
        }
    }

    /**
     * Three workers, each active for a while (it sleeps: it backs off a turn); at most
     * {@value #LIMIT} may be active at once. Either a hand-made check-then-increment counter
     * ({@code while not active < 2: sleep}, then {@code active += 1}: the check and the increment
     * two steps), or {@code with sem:} around the increment, which waits for a free permit.
     */
    static void workers(Setup s, boolean semaphore) {
        Active active = new Active();
        Semaphore sem = semaphore ? s.primitives().semaphore("Semaphore", LIMIT) : null;
        for (int w = 1; w <= 3; w++) {
            s.task("Worker " + w, t -> {
                if (semaphore) {
                    t.run("with sem: active += 1", () -> {
                        sem.acquire();
                        active.enter();
                    });
                } else {
                    while (!t.call("active < " + LIMIT, () -> active.now() < LIMIT,
                            free -> "active < " + LIMIT + ": " + (free ? "True" : "False"))) {
                        t.pause(1);
                    }
                    t.run("active += 1", active::enter);
                }
                t.pause(1);
                t.run(semaphore ? "active -= 1; sem.release()" : "active -= 1", () -> {
                    active.leave();
                    if (semaphore) {
                        sem.release();
                    }
                });
            });
        }
        s.state("active", active::now);
        s.outcome(() -> "at most " + active.most() + " active at once");
        s.check(() -> active.most() <= LIMIT ? null
                : active.most() + " workers were active at once, more than the " + LIMIT + " allowed: they all saw"
                        + " 'active < " + LIMIT + "' before enough of them had counted themselves in.");
    }

    @ExpectedFailure
    @DisplayName("Semaphore: a check-then-increment counter admits more workers than allowed")
    void checkThenIncrementAdmitsTooMany() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> workers(s, false),
                Options.systematic()).explore();
        SEMAPHORE.expectFailure("check-then-increment", "more than " + LIMIT + " workers active at once", found,
                Explorer.Ending.VIOLATION);
    }

    @ExpectedSuccess
    @DisplayName("Semaphore: with semaphore(2), never more than two workers active at once (every schedule)")
    void semaphoreCapsActiveWorkers() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> workers(s, true),
                Options.systematic()).explore();
        SEMAPHORE.expectSuccess("semaphore", found);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    // ---------------------------------------------------------------------------------------
    // Timer

    @ExpectedSuccess
    @DisplayName("Timer: the action runs once, after the delay")
    void timerFiresOnceAfterItsDelay() {
        Primitives primitives = ImplementationUnderTest.primitives();
        RealThreadsLog log = new RealThreadsLog(List.of("Main task", "Timer"));
        AtomicInteger runs = new AtomicInteger();
        AtomicLong ranAt = new AtomicLong();
        long delay = Delays.SHORT_DELAY_MS;
        Timer timer = primitives.timer(delay, TimeUnit.MILLISECONDS, () -> {
            ranAt.compareAndSet(0, System.nanoTime());
            runs.incrementAndGet();
        });
        String failure = null;
        try {
            long start = System.nanoTime();
            timer.start();
            log.note("Main task", "t = Timer(" + delay + " ms, action); t.start()", runs.get());
            boolean done = timer.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS);
            long after = ranAt.get() == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(ranAt.get() - start);
            if (runs.get() > 0) {
                log.note("Timer", "action() after " + after + " ms", runs.get());
            }
            log.note("Main task", "t.join() (timer.await) returns " + python(done), runs.get());
            Delays.sleep(Delays.SHORT_DELAY_MS);
            log.note("Main task", "a while later: the action ran " + runs.get() + " time(s)", runs.get());
            if (!done) {
                failure = "The timer did not run its action within " + Delays.LONG_DELAY_MS + " ms.";
            } else if (runs.get() != 1) {
                failure = "The action ran " + runs.get() + " times instead of once.";
            } else if (TimeUnit.NANOSECONDS.toMicros(ranAt.get() - start) < (delay - Math.max(2, delay / 20)) * 1000) {
                failure = "The action ran " + after + " ms after start(), before its delay of " + delay + " ms.";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        TIMER.judge(failure == null ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS, "fires-once",
                failure == null ? "the action ran exactly once, not before its delay of " + delay + " ms" : failure,
                "one real run; the wait for the timer bounded by " + Delays.LONG_DELAY_MS + " ms",
                log.threads(), "Runs", log.steps(), Map.of("ran " + runs.get() + " time(s)", 1), null, null);
    }

    @ExpectedSuccess
    @DisplayName("Timer: a cancelled timer never runs its action")
    void cancelledTimerNeverRuns() {
        Primitives primitives = ImplementationUnderTest.primitives();
        RealThreadsLog log = new RealThreadsLog(List.of("Main task"));
        AtomicInteger runs = new AtomicInteger();
        String failure = null;
        try {
            // cancelled before it was started: start() is silent and the action never runs
            Timer early = primitives.timer(Delays.SHORT_DELAY_MS, TimeUnit.MILLISECONDS, runs::incrementAndGet);
            boolean cancelledEarly = early.cancel();
            log.note("Main task", "t1 = Timer(" + Delays.SHORT_DELAY_MS + " ms); t1.cancel() returns "
                    + python(cancelledEarly), runs.get());
            early.start();
            log.note("Main task", "t1.start()", runs.get());
            // cancelled long before its delay is up
            Timer late = primitives.timer(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS, runs::incrementAndGet);
            late.start();
            boolean cancelledLate = late.cancel();
            log.note("Main task", "t2 = Timer(" + Delays.LONG_DELAY_MS + " ms); t2.start(); t2.cancel() returns "
                    + python(cancelledLate), runs.get());
            boolean earlyOver = early.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS);
            boolean lateOver = late.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS);
            log.note("Main task", "t1.join(), t2.join() (timer.await) return " + python(earlyOver) + ", "
                    + python(lateOver), runs.get());
            Delays.sleep(3 * Delays.SHORT_DELAY_MS);
            log.note("Main task", "well past t1's delay: the actions ran " + runs.get() + " time(s)", runs.get());
            if (!cancelledEarly || !cancelledLate) {
                failure = "cancel() returned False for a timer whose action had not run: t1 " + python(cancelledEarly)
                        + ", t2 " + python(cancelledLate) + ".";
            } else if (!earlyOver || !lateOver) {
                failure = "Waiting for a cancelled timer did not return True within " + Delays.LONG_DELAY_MS + " ms.";
            } else if (runs.get() != 0) {
                failure = "A cancelled timer ran its action (" + runs.get() + " time(s)).";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        TIMER.judge(failure == null ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS,
                "cancelled-never-runs",
                failure == null ? "both cancelled timers reported cancelled and never ran their action" : failure,
                "one real run; every wait bounded by " + Delays.LONG_DELAY_MS + " ms",
                log.threads(), "Runs", log.steps(), Map.of("ran " + runs.get() + " time(s)", 1), null, null);
    }

    /**
     * {@code t = Timer(0, compute); t.start()}, then the result is read: right away
     * ({@code waits} false: the broken variant) or after waiting for the timer. The harness holds
     * the action back until the main task has read (or is waiting): a schedule in which the
     * timer's thread has not run yet, which a delay of 0 does not rule out.
     */
    static void readResult(Case tested, boolean waits) {
        Primitives primitives = ImplementationUnderTest.primitives();
        RealThreadsLog log = new RealThreadsLog(List.of("Main task", "Timer"));
        CountDownLatch letRun = new CountDownLatch(1);
        AtomicReference<Integer> result = new AtomicReference<>();
        Timer timer = primitives.timer(0, TimeUnit.MILLISECONDS, () -> {
            try {
                if (letRun.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS)) {
                    result.set(42);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String variant = waits ? "join-before-reading" : "read-right-after-start";
        String problem = null;
        Integer read = null;
        try (Workers workers = new Workers()) {
            Worker<Integer> main = workers.call("Main task", () -> {
                timer.start();
                log.note("Main task", "t = Timer(0, compute); t.start()", result.get());
                if (waits) {
                    log.noteBlocked("Main task", "t.join() (timer.await): waits", result.get());
                    if (!timer.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS)) {
                        return null;
                    }
                }
                Integer seen = result.get();
                log.note("Main task", "print(result): " + (seen == null ? "None" : seen), seen);
                return seen;
            });
            if (waits) {
                main.assertBlocked();
            } else {
                Blocking.awaitCondition("the main task to read the result", main::isDone);
            }
            letRun.countDown();
            read = main.join();
            boolean over = timer.await(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS);
            log.note("Timer", "compute() ran: result = " + result.get() + (waits ? "" : ", too late"), result.get());
            if (!over || result.get() == null) {
                problem = "the timer did not run its action within " + Delays.LONG_DELAY_MS + " ms";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        } catch (AssertionError e) {
            problem = e.getMessage();
        } finally {
            letRun.countDown();
        }
        Recording.Verdict verdict;
        String summary;
        if (problem != null) {
            verdict = waits ? Verdict.FAILED : Verdict.FAILURE_NOT_FOUND;
            summary = problem;
        } else if (waits) {
            verdict = Integer.valueOf(42).equals(read) ? Verdict.PASSED : Verdict.FAILED;
            summary = verdict == Verdict.PASSED ? "t.join() waited for the action, however late: the result was 42"
                    : "after t.join() the result was " + read + " instead of 42";
        } else {
            verdict = read == null ? Verdict.FAILURE_SHOWN : Verdict.FAILURE_NOT_FOUND;
            summary = read == null ? "The main task read the result right after t.start(): None. start() only"
                    + " starts the timer's thread; the action had not run yet."
                    : "not found: the main task read " + read + " although the action was held back";
        }
        tested.judge(verdict, waits ? Expectation.EXPECTED_SUCCESS : Expectation.EXPECTED_FAILURE, variant, summary,
                "forced schedule: the timer's action held back until the main task "
                        + (waits ? "was seen waiting" : "had read the result") + "; every wait bounded by "
                        + Delays.LONG_DELAY_MS + " ms",
                log.threads(), "result", log.steps(), Map.of("read " + (read == null ? "None" : read), 1), null, null);
    }

    @ExpectedFailure
    @DisplayName("Timer: reading the action's result right after start() finds nothing yet")
    void resultReadRightAfterStartIsMissing() {
        readResult(TIMER, false);
    }

    @ExpectedSuccess
    @DisplayName("Timer: waiting for the timer before reading always finds the result")
    void resultReadAfterJoinIsThere() {
        readResult(TIMER, true);
    }

    // ---------------------------------------------------------------------------------------
    // Queue orders

    static final List<Integer> ITEMS = List.of(3, 1, 4, 5, 2);

    /** The main task puts {@code items} in order, then takes as many, and checks the order it got. */
    static void orders(Setup s, Function<Primitives, Queue<Integer>> make, List<Integer> items,
            List<Integer> expected, String wrongOrder) {
        Queue<Integer> queue = make.apply(s.primitives());
        List<Integer> taken = new ArrayList<>();
        s.task("Main task", t -> {
            for (int item : items) {
                t.run("q.put(" + item + ")", () -> queue.put(item));
            }
            for (int i = 0; i < items.size(); i++) {
                int item = t.call("q.get()", queue::take, v -> "q.get(): " + v);
                taken.add(item);
            }
        });
        s.state("taken", () -> List.copyOf(taken));
        s.outcome(() -> "taken in the order " + taken);
        s.check(() -> taken.equals(expected) ? null
                : "Taken in the order " + taken + ", not " + expected + ": " + wrongOrder);
    }

    @ExpectedSuccess
    @DisplayName("Queue: a FIFO queue hands items out in the order they were put")
    void fifoQueueOrder() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> orders(s, p -> p.fifoQueue(5), ITEMS, ITEMS, "a FIFO queue hands out the oldest item first."),
                Options.systematic()).explore();
        QUEUE_ORDERS.expectSuccess("fifo", found);
    }

    @ExpectedSuccess
    @DisplayName("Queue: a LIFO queue hands out the newest item first")
    void lifoQueueOrder() {
        List<Integer> reversed = new ArrayList<>(ITEMS);
        java.util.Collections.reverse(reversed);
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> orders(s, p -> p.lifoQueue(5), ITEMS, reversed, "a LIFO queue hands out the newest item first."),
                Options.systematic()).explore();
        QUEUE_ORDERS.expectSuccess("lifo", found);
    }

    @ExpectedSuccess
    @DisplayName("Queue: a priority queue hands out the smallest item first")
    void priorityQueueOrder() {
        List<Integer> sorted = ITEMS.stream().sorted().toList();
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> orders(s, p -> p.priorityQueue(5, Comparator.naturalOrder()), ITEMS, sorted,
                        "a priority queue hands out the smallest item first."),
                Options.systematic()).explore();
        QUEUE_ORDERS.expectSuccess("priority", found);
    }

    @ExpectedFailure
    @DisplayName("Queue: expecting first come, first served from a LIFO queue serves the jobs backwards")
    void lifoQueueIsNotFirstComeFirstServed() {
        List<Integer> jobs = List.of(1, 2, 3, 4, 5);
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> orders(s, p -> p.lifoQueue(5), jobs, jobs,
                        "jobs put in the order they arrived come out newest first from a LIFO queue;"
                                + " first come, first served needs a FIFO queue."),
                Options.systematic()).explore();
        QUEUE_ORDERS.expectFailure("lifo-expected-fifo", "jobs served in the wrong order", found,
                Explorer.Ending.VIOLATION);
    }

    private static String python(boolean value) {
        return value ? "True" : "False";
    }
}
