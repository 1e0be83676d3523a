package dev.interleave.scenarios.lecture;

import dev.interleave.primitives.Queue;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.processes.ChildJvm;
import dev.interleave.scenarios.processes.ItemsWorker;
import dev.interleave.scenarios.record.Recording.Expectation;
import dev.interleave.scenarios.record.Recording.Verdict;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 12 of the lecture, slides 50 to 52: "Processes do not share memory!". Three worker
 * processes each pop items from {@code ITEMS = [1, 2, 3, 4, 5, 6]} until the list is empty, as the
 * threaded URL fetcher did with its threads. The slide's surprising output is what really
 * happens: each process pops from its own copy, so {@code Process-1 processed 6 items.},
 * {@code Process-2 processed 6 items.}, {@code Process-3 processed 6 items.}, and the parent's
 * {@code ITEMS} is still {@code [1, 2, 3, 4, 5, 6]} after all workers finished. The processes are
 * real ones: child JVMs ({@link ItemsWorker}), each given the list as the arguments a started
 * process gets.
 *
 * <p>For contrast, three threads of one process share one collection of items (the
 * implementation's queue, taken from with {@code poll()} until it is empty, as the processes pop
 * until {@code IndexError}): every schedule the explorer runs processes 6 items in total, each
 * once, however they are split between the threads. Both
 * variants are expected successes: the first shows the slide's output, the second what threads do
 * instead. The lecture's fix for processes, a queue they share, is case 13.
 */
@InterleaveTest
@DisplayName("12. Processes do not share memory")
public class ProcessesScenario {
    static final Case CASE = new Case("processes", "12. Processes do not share memory");

    static final List<Integer> ITEMS = List.of(1, 2, 3, 4, 5, 6);
    static final int WORKERS = 3;
    private static final Pattern PROCESSED = Pattern.compile("(\\S+) processed (\\d+) items\\.");

    @ExpectedSuccess
    @DisplayName("three processes each pop all 6 items of their own copy; the parent's ITEMS is unchanged")
    void processesDoNotShareMemory() throws Exception {
        List<Integer> items = new ArrayList<>(ITEMS);
        Map<String, String> copies = new LinkedHashMap<>();
        copies.put("Parent", items.toString());
        Trace trace = new Trace(() -> copies.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · ")));
        List<String> threads = new ArrayList<>(List.of("Parent"));
        trace.step("Parent", "ITEMS = " + items);
        List<ChildJvm> workers = new ArrayList<>();
        try {
            for (int n = 1; n <= WORKERS; n++) {
                String name = "Process-" + n;
                threads.add(name);
                synchronized (trace) {
                    copies.put(name, items.toString());
                    trace.step("Parent", name + ".start() (gets its own copy of ITEMS)");
                }
                workers.add(ChildJvm.start(name, ItemsWorker.class, (child, line) -> {
                    if (line.startsWith("step ")) {
                        String[] step = line.substring(5).split("\t", 2);
                        synchronized (trace) {
                            if (step.length == 2) {
                                copies.put(child.name(), step[1]);
                            }
                            trace.step(child.name(), step[0]);
                        }
                    } else if (line.startsWith("out ")) {
                        trace.step(child.name(), "print: " + line.substring(4));
                    }
                }, items.stream().map(String::valueOf).collect(Collectors.joining(","))));
            }
            List<String> problems = new ArrayList<>();
            for (ChildJvm worker : workers) {
                if (worker.awaitExit(Delays.LONG_DELAY_MS)) {
                    trace.step("Parent", worker.name() + ".join()");
                } else {
                    problems.add(worker.name() + " did not finish within " + Delays.LONG_DELAY_MS + " ms");
                    worker.kill();
                }
            }
            trace.step("Parent", "print: ITEMS after all workers finished: " + items);

            Map<String, Object> counts = new LinkedHashMap<>();
            String implementation = ImplementationUnderTest.name();
            for (ChildJvm worker : workers) {
                List<String> printed = worker.printed();
                Matcher m = printed.size() == 1 ? PROCESSED.matcher(printed.get(0)) : null;
                if (m != null && m.matches() && m.group(1).equals(worker.name())) {
                    counts.put(worker.name(), Integer.parseInt(m.group(2)));
                }
                if (!implementation.equals(worker.implementation())) {
                    problems.add(worker.name() + " did not run the implementation under test (" + implementation
                            + "): " + worker.describe());
                } else if (worker.exitCode() == null || worker.exitCode() != 0 || worker.handlerFailure() != null) {
                    problems.add(worker.name() + " failed: " + worker.describe()
                            + (worker.handlerFailure() == null ? "" : "; " + worker.handlerFailure()));
                } else if (!Integer.valueOf(ITEMS.size()).equals(counts.get(worker.name()))) {
                    problems.add(worker.name() + " printed " + printed + " instead of \"" + worker.name()
                            + " processed 6 items.\"");
                }
            }
            if (!items.equals(ITEMS)) {
                problems.add("the parent's ITEMS changed to " + items);
            }
            String printedCounts = counts.entrySet().stream().map(e -> e.getKey() + " processed " + e.getValue())
                    .collect(Collectors.joining(", "));
            CASE.judge(problems.isEmpty() ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS,
                    "processes",
                    problems.isEmpty()
                            ? "Processes do not share memory: each worker process popped all 6 items of its own copy of"
                                    + " ITEMS (" + printedCounts + " items), and the parent's ITEMS after all workers"
                                    + " finished is still " + items + "."
                            : String.join("; ", problems) + ".",
                    WORKERS + " worker processes (child JVMs started with ProcessBuilder, each with its own memory),"
                            + " joined with a bound of " + Delays.LONG_DELAY_MS + " ms",
                    threads, "ITEMS in each process", trace.steps(),
                    Map.of(printedCounts + "; parent's ITEMS " + items, 1), null,
                    Case.details("processedItems", counts, "parentItemsAfter", items.toString(),
                            "childImplementation", workers.get(0).implementation()));
        } finally {
            workers.forEach(ChildJvm::close);
        }
    }

    /** Three threads take items from one shared queue (the hand-built one) until it is empty. */
    static void threads(Setup s, int[] counts, List<Integer> taken) throws InterruptedException {
        Queue<Integer> items = s.primitives().fifoQueue("ITEMS", ITEMS.size());
        for (int item : ITEMS) {
            items.put(item);
        }
        for (int k = 0; k < WORKERS; k++) {
            int index = k;
            String name = "Thread-" + (k + 1);
            s.task(name, t -> {
                int i;
                for (i = 0; ; i++) {
                    Integer item = t.call("items.poll()", () -> {
                        Integer next = items.poll();
                        if (next != null) {
                            taken.add(next);
                        }
                        return next;
                    }, v -> v == null ? "items.poll(): empty (None)" : "items.poll() → " + v);
                    if (item == null) {
                        break;
                    }
                }
                int processed = i;
                t.run(name + " processed " + processed + " items.", () -> counts[index] = processed);
            });
        }
        s.state("ITEMS (one queue, shared)", () -> items.size() + " left");
        s.outcome(() -> "Thread-1 " + counts[0] + ", Thread-2 " + counts[1] + ", Thread-3 " + counts[2]);
        s.check(() -> {
            int total = counts[0] + counts[1] + counts[2];
            List<Integer> sorted = taken.stream().sorted().toList();
            if (total == ITEMS.size() && sorted.equals(ITEMS) && items.isEmpty()) {
                return null;
            }
            return "The threads processed " + total + " items in total instead of 6 (took " + taken
                    + ", " + items.size() + " left in ITEMS).";
        });
    }

    @ExpectedSuccess
    @DisplayName("three threads share one list: 6 items in total, each popped once")
    void threadsShareOneList() {
        int[] counts = new int[WORKERS];
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> {
            counts[0] = counts[1] = counts[2] = 0;
            try {
                threads(s, counts, new ArrayList<>());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Options.systematic()).explore();
        CASE.expectSuccess("threads", found, Case.details("splits", found.outcomes()));
    }
}
