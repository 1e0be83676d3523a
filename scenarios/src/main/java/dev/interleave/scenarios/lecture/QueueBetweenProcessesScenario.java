package dev.interleave.scenarios.lecture;

import dev.interleave.primitives.Queue;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.processes.ChildJvm;
import dev.interleave.scenarios.processes.QueueClient;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.scenarios.record.Recording.Expectation;
import dev.interleave.scenarios.record.Recording.Verdict;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 13 of the lecture, slides 53 to 56: the solution to "processes do not share memory" is a
 * queue they share, {@code multiprocessing.Queue}: the parent puts 1 to 6 and one {@code 'end'}
 * per worker, and each worker process gets items until it gets an {@code 'end'}. The slide's
 * output: {@code Process-1 processed 1 items.}, {@code Process-2 processed 5 items.},
 * {@code Process-3 processed 0 items.}, {@code #ITEMS after all workers finished: 0}.
 *
 * <p>"Queues are implemented using pipes and locks": here the queue is the implementation's own
 * ({@code fifoQueue}), held by the parent; each worker is a child JVM ({@link QueueClient}) whose
 * {@code items.get()} goes through a pipe (its standard output and input, a line {@code get}
 * answered by one item) to a parent thread that takes the item from the queue for it.
 *
 * <p>With three {@code 'end'}s for three workers, the workers process 6 items in total, each
 * item once, and the queue ends empty. With only two (the broken variant), two workers end and
 * the third waits in {@code items.get()} forever: the queue is empty and no process will put
 * into it again. A watchdog finds it: every worker still alive waits for an item, the queue is
 * empty, and nothing moves for a while; it names the process and kills it (and its process tree).
 * The fix is one sentinel per worker.
 */
@InterleaveTest
@DisplayName("13. A queue between processes")
public class QueueBetweenProcessesScenario {
    static final Case CASE = new Case("queue-between-processes", "13. A queue between processes");

    static final List<String> ITEMS = List.of("1", "2", "3", "4", "5", "6");
    static final int WORKERS = 3;
    /** How long nothing may move, with every live worker waiting on the empty queue, before it is stuck. */
    static final long STUCK_MS = Math.max(200, 4 * Delays.SHORT_DELAY_MS);
    private static final Pattern PROCESSED = Pattern.compile("(\\S+) processed (\\d+) items\\.");

    /** The parent's end of one worker's pipe: the thread serving its {@code items.get()}. */
    static final class Served {
        final String name;
        final List<String> handed = Collections.synchronizedList(new ArrayList<>());
        volatile long waitingSince;

        Served(String name) {
            this.name = name;
        }
    }

    /** What one run of the slide's program showed. */
    record Run(Trace trace, List<String> threads, List<ChildJvm> workers, Map<String, Served> served,
            Queue<String> items, List<ChildJvm> stuck, long stuckForMs, boolean timedOut) {}

    static String repr(String item) {
        return item.equals("end") ? "'end'" : item;
    }

    /** The slide's program with {@code ends} sentinels, watched; the caller closes the workers. */
    static Run run(int ends, List<ChildJvm> workers) throws Exception {
        Queue<String> items = ImplementationUnderTest.primitives().fifoQueue(ITEMS.size() + ends);
        Trace trace = new Trace(() -> String.valueOf(items.size()));
        List<String> threads = new ArrayList<>(List.of("Parent"));
        List<String> puts = new ArrayList<>(ITEMS);
        puts.addAll(Collections.nCopies(ends, "end"));
        for (String item : puts) {
            if (!items.offer(item, Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("ITEMS.put(" + repr(item) + ") found the queue of capacity "
                        + items.capacity() + " full after " + items.size() + " items");
            }
            trace.step("Parent", "ITEMS.put(" + repr(item) + ")");
        }
        Map<String, Served> served = new LinkedHashMap<>();
        for (int n = 1; n <= WORKERS; n++) {
            String name = "Process-" + n;
            Served pipe = new Served(name);
            served.put(name, pipe);
            threads.add(name);
            trace.step("Parent", name + ".start()");
            workers.add(ChildJvm.start(name, QueueClient.class, (child, line) -> {
                if (line.equals("get")) {
                    pipe.waitingSince = System.nanoTime();
                    String item = items.take();
                    pipe.waitingSince = 0;
                    pipe.handed.add(item);
                    trace.step(name, "items.get() → " + repr(item));
                    child.send(item);
                } else if (line.startsWith("out ")) {
                    trace.step(name, "print: " + line.substring(4));
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Delays.LONG_DELAY_MS);
        long quietSince = 0;
        int progress = -1;
        while (true) {
            List<ChildJvm> alive = workers.stream().filter(ChildJvm::isAlive).toList();
            if (alive.isEmpty()) {
                return new Run(trace, threads, workers, served, items, List.of(), 0, false);
            }
            int now = trace.steps().size();
            boolean allWaitOnEmptyQueue = items.isEmpty()
                    && alive.stream().allMatch(w -> served.get(w.name()).waitingSince != 0);
            if (!allWaitOnEmptyQueue || now != progress) {
                quietSince = System.nanoTime();
                progress = now;
            } else if (Delays.millisSince(quietSince) >= STUCK_MS) {
                return new Run(trace, threads, workers, served, items, alive, Delays.millisSince(quietSince), false);
            }
            if (System.nanoTime() > deadline) {
                return new Run(trace, threads, workers, served, items, List.of(), 0, true);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Ends the run: kills the stuck workers, joins the others (bounded), and notes what each did. */
    static List<String> finish(Run run) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        for (ChildJvm stuck : run.stuck()) {
            run.trace().blocked(stuck.name(), "items.get(): waits (blocked), ITEMS is empty");
            run.trace().note("Parent", "watchdog: nothing moved for " + run.stuckForMs() + " ms, " + stuck.name()
                    + " waits for an item from ITEMS; kills " + stuck.name() + " (its process tree)");
            if (!stuck.kill()) {
                problems.add(stuck.name() + " could not be killed");
            }
        }
        for (ChildJvm worker : run.workers()) {
            if (run.stuck().contains(worker)) {
                continue;
            }
            if (worker.awaitExit(Delays.LONG_DELAY_MS)) {
                run.trace().step("Parent", worker.name() + ".join()");
            } else {
                problems.add(worker.name() + " did not finish within " + Delays.LONG_DELAY_MS + " ms: "
                        + worker.describe());
                worker.kill();
            }
        }
        run.trace().step("Parent", "print: #ITEMS after all workers finished: " + run.items().size());
        return problems;
    }

    /** Each worker's printed count, when it printed the slide's line. */
    static Map<String, Integer> counts(Run run) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ChildJvm worker : run.workers()) {
            List<String> printed = worker.printed();
            Matcher m = printed.size() == 1 ? PROCESSED.matcher(printed.get(0)) : null;
            if (m != null && m.matches() && m.group(1).equals(worker.name())) {
                counts.put(worker.name(), Integer.parseInt(m.group(2)));
            }
        }
        return counts;
    }

    /** What is wrong with a worker that should have ended normally after its {@code 'end'}; null if nothing. */
    static String problemOf(Run run, ChildJvm worker, Map<String, Integer> counts) {
        Served pipe = run.served().get(worker.name());
        List<String> handed = List.copyOf(pipe.handed);
        long items = handed.stream().filter(i -> !i.equals("end")).count();
        if (!ImplementationUnderTest.name().equals(worker.implementation())) {
            return worker.name() + " did not run the implementation under test: " + worker.describe();
        }
        if (worker.exitCode() == null || worker.exitCode() != 0 || worker.handlerFailure() != null) {
            return worker.name() + " failed: " + worker.describe()
                    + (worker.handlerFailure() == null ? "" : "; serving its items.get(): " + worker.handlerFailure());
        }
        if (handed.isEmpty() || !handed.get(handed.size() - 1).equals("end") || handed.indexOf("end") != handed.size() - 1) {
            return worker.name() + " was handed " + handed + ", not items ending with one 'end'";
        }
        if (!Integer.valueOf((int) items).equals(counts.get(worker.name()))) {
            return worker.name() + " got " + items + " items through its pipe but printed " + worker.printed();
        }
        return null;
    }

    static Recording.WaitForGraph graph(Run run) {
        List<Recording.Edge> edges = run.stuck().stream()
                .map(w -> new Recording.Edge(w.name(), "waits for", "an item from ITEMS", run.stuckForMs())).toList();
        String who = run.stuck().stream().map(ChildJvm::name).collect(Collectors.joining(" and "));
        return new Recording.WaitForGraph(edges, List.of(), who + " waits for an item from ITEMS (for "
                + run.stuckForMs() + " ms); ITEMS is empty and no process will put into it again.");
    }

    static Map<String, Object> details(Run run, Map<String, Integer> counts) {
        Map<String, Object> handed = new LinkedHashMap<>();
        run.served().forEach((name, pipe) -> handed.put(name, List.copyOf(pipe.handed)));
        return Case.details("processedItems", counts, "itemsGotPerProcess", handed,
                "itemsLeftInQueue", run.items().size(),
                "killed", run.stuck().stream().map(ChildJvm::name).toList(),
                "childImplementation", run.workers().isEmpty() ? null : run.workers().get(0).implementation());
    }

    static String method(int ends) {
        return WORKERS + " worker processes (child JVMs) getting from the parent's ITEMS queue (" + ITEMS.size()
                + " items and " + ends + " 'end') through pipes, one parent thread per process serving its"
                + " items.get() with ITEMS.take(); watchdog: a process is stuck when every live process waits for"
                + " an item, ITEMS is empty and nothing moves for " + STUCK_MS + " ms (bound " + Delays.LONG_DELAY_MS
                + " ms)";
    }

    static String outcome(Run run, Map<String, Integer> counts) {
        return run.workers().stream().map(w -> w.name() + " " + (counts.containsKey(w.name())
                ? String.valueOf(counts.get(w.name())) : "stuck")).collect(Collectors.joining(", "))
                + "; " + run.items().size() + " left";
    }

    @ExpectedSuccess
    @DisplayName("one 'end' per worker: the processes share the queue, 6 items in total, each once, and it ends empty")
    void oneEndPerWorker() throws Exception {
        List<ChildJvm> workers = new ArrayList<>();
        try {
            Run run = run(WORKERS, workers);
            List<String> problems = new ArrayList<>(finish(run));
            Map<String, Integer> counts = counts(run);
            if (run.timedOut()) {
                problems.add("the workers did not finish within " + Delays.LONG_DELAY_MS + " ms");
            }
            for (ChildJvm stuck : run.stuck()) {
                problems.add(stuck.name() + " waits forever for an item from ITEMS, though there was one 'end' per"
                        + " worker");
            }
            for (ChildJvm worker : run.workers()) {
                String problem = run.stuck().contains(worker) ? null : problemOf(run, worker, counts);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            List<String> got = run.served().values().stream().flatMap(p -> List.copyOf(p.handed).stream())
                    .filter(i -> !i.equals("end")).sorted().toList();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (!got.equals(ITEMS) || total != ITEMS.size()) {
                problems.add("the workers processed " + total + " items in total and got " + got
                        + " from ITEMS, instead of each of 1 to 6 once");
            }
            if (!run.items().isEmpty()) {
                problems.add(run.items().size() + " items are left in ITEMS");
            }
            String printed = counts.entrySet().stream().map(e -> e.getKey() + " processed " + e.getValue())
                    .collect(Collectors.joining(", "));
            CASE.judge(problems.isEmpty() ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS,
                    "one-end-per-worker",
                    problems.isEmpty()
                            ? "The processes share the queue: " + printed + " items, " + total
                                    + " in total, each of 1 to 6 once; #ITEMS after all workers finished: 0."
                            : String.join("; ", problems) + ".",
                    method(WORKERS), run.threads(), "ITEMS.qsize()", run.trace().steps(),
                    Map.of(outcome(run, counts), 1), run.stuck().isEmpty() ? null : graph(run), details(run, counts));
        } finally {
            workers.forEach(ChildJvm::close);
        }
    }

    @ExpectedFailure
    @DisplayName("only two 'end' for three workers: one worker process waits in items.get() forever")
    void twoEndsForThreeWorkers() throws Exception {
        List<ChildJvm> workers = new ArrayList<>();
        try {
            Run run = run(WORKERS - 1, workers);
            List<String> problems = new ArrayList<>(finish(run));
            Map<String, Integer> counts = counts(run);
            if (run.timedOut()) {
                problems.add("the watchdog saw no worker stuck within " + Delays.LONG_DELAY_MS + " ms");
            } else if (run.stuck().size() != 1) {
                problems.add(run.stuck().isEmpty() ? "every worker finished: none waits for a third 'end'"
                        : "more than one worker waits: " + run.stuck());
            }
            for (ChildJvm worker : run.workers()) {
                String problem = run.stuck().contains(worker) ? null : problemOf(run, worker, counts);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            String stuck = run.stuck().stream().map(ChildJvm::name).collect(Collectors.joining(" and "));
            String ended = run.workers().stream().filter(w -> !run.stuck().contains(w)).map(ChildJvm::name)
                    .collect(Collectors.joining(" and "));
            boolean shown = problems.isEmpty();
            CASE.judge(shown ? Verdict.FAILURE_SHOWN : Verdict.FAILURE_NOT_FOUND, Expectation.EXPECTED_FAILURE,
                    "two-ends-for-three-workers",
                    shown
                            ? "Only two 'end' for three worker processes: " + ended + " each got an 'end' and"
                                    + " finished, and " + stuck + " waits forever in items.get() for an item from"
                                    + " ITEMS, which is empty and into which no process will put again. The watchdog"
                                    + " saw " + stuck + " alive and waiting, nothing moving for " + run.stuckForMs()
                                    + " ms, and killed it. The fix: one 'end' per worker."
                            : "not found: a worker process waiting forever for a third 'end' ("
                                    + String.join("; ", problems) + ")",
                    method(WORKERS - 1), run.threads(), "ITEMS.qsize()", run.trace().steps(),
                    Map.of(outcome(run, counts), 1), run.stuck().isEmpty() ? null : graph(run), details(run, counts));
        } finally {
            workers.forEach(ChildJvm::close);
        }
    }
}
