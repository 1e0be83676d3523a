package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
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
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import dev.interleave.stress.harness.Worker;
import dev.interleave.stress.harness.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;

/**
 * Slides 42 to 45 of the lecture, conditions: one producer, many consumers. A consumer takes
 * the lock, waits {@code while len(queue) == 0} (waiting releases the lock and sleeps until
 * notified), pops an item and releases; the producer takes the lock, appends an item, notifies
 * one waiter and releases. In Java the condition is a {@code Lock}'s {@code newCondition()}:
 * {@code cond.wait()} is {@code await()}, {@code notify()} is {@code signal()} and
 * {@code notify_all()} is {@code signalAll()}; the queue is a plain list that only the lock
 * protects.
 *
 * <p>The fixed program: in every explored schedule of two consumers and two items (every
 * schedule with at most one preemption), and in a real run of five consumers and one producer of
 * five items, each item is consumed exactly once. The broken ones, each found in every run:
 * <ul>
 *   <li>{@code if} instead of {@code while}: both waiting consumers are woken by
 *       {@code notify_all()}; the first pops the item, the second pops without looking again:
 *       from an empty list, whichever of them the implementation wakes first. (With
 *       {@code notify()} the same bug needs a newcomer to take the item before the woken
 *       consumer gets the lock back, which depends on how the lock hands itself on.) The same
 *       program with {@code while} goes back to waiting and passes;
 *   <li>notifying without holding the lock: fails fast with {@code IllegalMonitorStateException}
 *       at the {@code notify()}, rather than losing the wake-up silently;
 *   <li>waiting without checking the predicate first: when the producer notifies before the
 *       consumer waits, nobody is there to hear it, and the consumer waits forever (a lost
 *       wake-up), which the explorer reports as a run in which no task can move.
 * </ul>
 */
@InterleaveTest
@DisplayName("9. Conditions: one producer, many consumers")
public class ConditionScenario {
    static final Case CASE = new Case("condition", "9. Conditions: one producer, many consumers");

    /** How a consumer guards its {@code cond.wait()}. */
    enum Guard {
        /** {@code while len(queue) == 0: cond.wait()}: the lecture's code. */
        WHILE,
        /** {@code if len(queue) == 0: cond.wait()}: looks once, not again after waking. */
        IF,
        /** {@code cond.wait()} without looking at the queue first. */
        NONE
    }

    /** Python's {@code list.pop()}: the last item, and an error on an empty list. */
    static int pop(List<Integer> queue) {
        if (queue.isEmpty()) {
            throw new IndexOutOfBoundsException("pop from empty list");
        }
        return queue.remove(queue.size() - 1);
    }

    /**
     * {@code with cond: while len(queue) == 0: cond.wait()}, then {@code queue.pop()}, with the
     * guard given. Taking the lock and the first look at the queue are one step, and so are the
     * pop and the end of the {@code with} block: nothing another task does can come between them,
     * since everything that touches the queue needs the lock.
     */
    static void consumer(Task t, Lock lock, Condition cond, List<Integer> queue, Guard guard,
            Map<String, Integer> consumed) throws Exception {
        boolean held = false;
        try {
            switch (guard) {
                case WHILE -> {
                    boolean empty = t.call("with cond: len(queue) == 0", () -> {
                        lock.acquire();
                        return queue.isEmpty();
                    }, e -> "with cond: len(queue) == 0: " + python(e));
                    held = true;
                    while (empty) {
                        t.run("cond.wait()", cond::await);
                        empty = t.call("len(queue) == 0", queue::isEmpty, e -> "len(queue) == 0: " + python(e));
                    }
                }
                case IF -> {
                    boolean empty = t.call("with cond: len(queue) == 0", () -> {
                        lock.acquire();
                        return queue.isEmpty();
                    }, e -> "with cond: len(queue) == 0: " + python(e));
                    held = true;
                    if (empty) {
                        t.run("cond.wait()", cond::await);
                    }
                }
                case NONE -> {
                    t.run("with cond: (lock acquired)", lock::acquire);
                    held = true;
                    t.run("cond.wait()", cond::await);
                }
            }
            held = false; // the end of the with block releases the lock, also when pop() throws
            int item = t.call("queue.pop()", () -> {
                try {
                    return pop(queue);
                } finally {
                    lock.release();
                }
            }, v -> "queue.pop(): consumed " + v + " (end of with: lock.release())");
            consumed.put(t.name(), item);
        } finally {
            if (held) {
                t.run("lock.release()", lock::release);
            }
        }
    }

    private static String python(boolean value) {
        return value ? "True" : "False";
    }

    /** {@code for i in range(items): with cond: queue.append(i); cond.notify()}. */
    static void producer(Task t, Lock lock, Condition cond, List<Integer> queue, int items, boolean notifyAll,
            boolean holdsLock) throws Exception {
        String notify = notifyAll ? "cond.notify_all()" : "cond.notify()";
        for (int i = 0; i < items; i++) {
            int item = i;
            if (holdsLock) {
                // the whole with block is one step: nothing another task does can come between
                // its lines, since every line of theirs that touches the queue needs the lock
                t.run("with cond: queue.append(" + item + "); " + notify, () -> {
                    lock.acquire();
                    try {
                        queue.add(item);
                        notify(cond, notifyAll);
                    } finally {
                        lock.release();
                    }
                });
            } else {
                t.run("queue.append(" + item + ")", () -> queue.add(item));
                t.run(notify, () -> notify(cond, notifyAll));
            }
        }
    }

    private static void notify(Condition cond, boolean all) {
        if (all) {
            cond.signalAll();
        } else {
            cond.signal();
        }
    }

    /**
     * {@code consumers} consumers (started first) and one producer of {@code items} items; the
     * check: each item consumed exactly once, one item per consumer.
     */
    static void program(Setup s, int consumers, int items, Guard guard, boolean notifyAll, boolean producerHoldsLock) {
        List<Integer> queue = new ArrayList<>();
        Map<String, Integer> consumed = new ConcurrentHashMap<>();
        Lock lock = s.primitives().lock("Lock");
        Condition cond = lock.newCondition();
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= consumers; c++) {
            String name = consumers == 1 ? "Consumer" : "Consumer " + c;
            names.add(name);
            s.task(name, t -> consumer(t, lock, cond, queue, guard, consumed));
        }
        s.task("Producer", t -> producer(t, lock, cond, queue, items, notifyAll, producerHoldsLock));
        s.state("queue", () -> List.copyOf(queue));
        s.outcome(() -> names.stream().map(n -> n + (consumed.containsKey(n) ? " consumed " + consumed.get(n)
                : " consumed nothing")).collect(Collectors.joining(", ")));
        s.check(() -> eachItemOnce(names, consumed, queue, items));
    }

    /** Null when every consumer consumed one item and every item was consumed once; else what went wrong. */
    static String eachItemOnce(List<String> consumers, Map<String, Integer> consumed, List<Integer> left, int items) {
        List<String> without = consumers.stream().filter(n -> !consumed.containsKey(n)).toList();
        if (!without.isEmpty()) {
            return String.join(", ", without) + " consumed nothing.";
        }
        List<Integer> sorted = consumed.values().stream().sorted().toList();
        List<Integer> expected = IntStream.range(0, items).boxed().toList();
        if (!sorted.equals(expected) || !left.isEmpty()) {
            return "The items consumed are " + sorted + " and " + left + " are left in the queue, instead of each of "
                    + expected + " consumed exactly once.";
        }
        return null;
    }

    @ExpectedSuccess
    @DisplayName("consumers wait while the queue is empty: each item is consumed exactly once")
    void whileLoopEachItemConsumedOnce() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> program(s, 2, 2, Guard.WHILE, false, true), Options.systematic().preemptions(1)).explore();
        CASE.expectSuccess("while-notify", found);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @ExpectedSuccess
    @DisplayName("five consumers, one producer of five items (real threads): each item is consumed exactly once")
    void fiveConsumersOneProducerRealThreads() {
        realRun(ImplementationUnderTest.primitives(), 5, 5);
    }

    @ExpectedFailure
    @DisplayName("if instead of while: a consumer woken by notify_all() pops from an empty list")
    void ifInsteadOfWhilePopsFromEmptyList() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> program(s, 2, 2, Guard.IF, true, true), Options.systematic().preemptions(1)).explore();
        CASE.expectFailure("if-instead-of-while", "a consumer popping from an empty list", found,
                Explorer.Ending.ERROR);
        assertTrue(found.failureMessage().contains("pop from empty list"),
                "the failure should be the pop from an empty list: " + found.failureMessage());
    }

    @ExpectedSuccess
    @DisplayName("the same with while: the consumer that finds the queue empty waits again")
    void whileLoopWithNotifyAll() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> program(s, 2, 2, Guard.WHILE, true, true), Options.systematic().preemptions(1)).explore();
        CASE.expectSuccess("while-notify-all", found);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @ExpectedFailure
    @DisplayName("notify() without holding the lock fails fast (IllegalMonitorStateException)")
    void notifyWithoutTheLockFailsFast() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> program(s, 1, 1, Guard.WHILE, false, false), Options.systematic()).explore();
        CASE.expectFailure("notify-without-lock", "an IllegalMonitorStateException at cond.notify()", found,
                Explorer.Ending.ERROR);
        assertTrue(found.failureMessage().contains("IllegalMonitorStateException"),
                "the misuse should fail with IllegalMonitorStateException: " + found.failureMessage());
        Recording.Step error = found.steps().stream().filter(step -> "error".equals(step.kind())).findFirst()
                .orElseThrow(() -> new AssertionError("no step threw: " + found.steps()));
        assertEquals("Producer", error.thread(), "the producer's step should have thrown: " + error);
        assertTrue(error.operation().startsWith("cond.notify()"), "the notify() should have thrown: " + error);
        assertEquals("[0]", error.state(), "the item should still be in the queue, not lost silently: " + error);
    }

    @ExpectedFailure
    @DisplayName("waiting without checking first: the producer notifies before the consumer waits (lost wake-up)")
    void waitingWithoutCheckingLosesTheWakeUp() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(),
                s -> program(s, 1, 1, Guard.NONE, false, true), Options.systematic()).explore();
        CASE.expectFailure("wait-without-checking", "a lost wake-up: the consumer waiting forever", found,
                Explorer.Ending.STUCK);
        assertTrue(found.failureMessage().contains("Consumer waits for a signal on condition"),
                "the consumer should be waiting for a signal: " + found.failureMessage());
    }

    /**
     * The lecture's program with real threads: the consumers start first and wait, then the
     * producer appends {@code items} items, notifying one consumer for each. Every wait is
     * bounded ({@link Delays#LONG_DELAY_MS}); a consumer that runs out of time reports a lost
     * wake-up.
     */
    static void realRun(Primitives primitives, int consumers, int items) {
        List<String> columns = new ArrayList<>();
        columns.add("Producer");
        for (int c = 1; c <= consumers; c++) {
            columns.add("Thread-" + c);
        }
        RealThreadsLog log = new RealThreadsLog(columns);
        List<Integer> queue = new ArrayList<>();
        Map<String, Integer> consumed = new TreeMap<>();
        Lock lock = primitives.lock();
        Condition cond = lock.newCondition();
        String failure = null;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Delays.LONG_DELAY_MS);
        try (Workers workers = new Workers()) {
            List<Worker<Void>> started = new ArrayList<>();
            for (int c = 1; c <= consumers; c++) {
                String name = "Thread-" + c;
                started.add(workers.startBlocked(name, () -> {
                    lock.acquire();
                    try {
                        log.note(name, "acquired lock.", queue);
                        while (queue.isEmpty()) {
                            long left = deadline - System.nanoTime();
                            if (left <= 0) {
                                log.note(name, "waited " + Delays.LONG_DELAY_MS + " ms in vain: a lost wake-up", queue);
                                return;
                            }
                            log.noteBlocked(name, "waiting (released lock).", queue);
                            cond.await(left, TimeUnit.NANOSECONDS);
                        }
                        int item = pop(queue);
                        synchronized (consumed) {
                            consumed.put(name, item);
                        }
                        log.note(name, "consumed " + item, queue);
                    } finally {
                        log.note(name, "releasing lock.", queue);
                        lock.release();
                    }
                }));
            }
            started.add(workers.start("Producer", () -> {
                for (int i = 0; i < items; i++) {
                    lock.acquire();
                    try {
                        queue.add(i);
                        log.note("Producer", "acquired lock, producing one item.", queue);
                        cond.signal();
                        log.note("Producer", "notifying.", queue);
                    } finally {
                        log.note("Producer", "releasing lock.", queue);
                        lock.release();
                    }
                }
            }));
            for (Worker<Void> worker : started) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (AssertionError e) {
            failure = e.getMessage();
        }
        Map<String, Integer> result;
        synchronized (consumed) {
            result = new TreeMap<>(consumed);
        }
        if (failure == null) {
            failure = eachItemOnce(columns.subList(1, columns.size()), result, queue, items);
        }
        String outcome = result.entrySet().stream().map(e -> e.getKey() + " consumed " + e.getValue())
                .collect(Collectors.joining(", "));
        CASE.judge(failure == null ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS,
                "five-consumers-threads",
                failure == null ? "each of the " + items + " items was consumed exactly once: " + outcome : failure,
                "one real run: " + consumers + " consumer threads started and waiting, then the producer; every wait"
                        + " bounded by " + Delays.LONG_DELAY_MS + " ms",
                log.threads(), "queue", log.steps(), Map.of(outcome, 1), null,
                Case.details("consumers", consumers, "items", items, "consumed", result));
    }
}
