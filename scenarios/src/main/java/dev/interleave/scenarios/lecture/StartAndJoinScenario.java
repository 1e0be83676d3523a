package dev.interleave.scenarios.lecture;

import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.scenarios.record.Recording.Expectation;
import dev.interleave.scenarios.record.Recording.Verdict;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import dev.interleave.stress.harness.Worker;
import dev.interleave.stress.harness.Workers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 1 of the lecture, starting and joining tasks: the main program starts ten threads, each
 * prints {@code Thread-<i> Hello World!}, and joins them. Join synchronises the parent with the
 * child by waiting for the child to terminate. The threads run concurrently, so their lines may
 * come in any order ("Thread-1, Thread-3, Thread-2 ... Sweet!").
 *
 * <p>With join, in every one of several runs of real threads, main finds the ten lines, each
 * exactly once; the orders the runs actually produced are reported, never asserted. Without
 * join, main reads the output as soon as it has started the threads: the exploration's first
 * schedule lets main go on before any thread has run, and main finds fewer than ten lines. The
 * threads' output is a thread-safe list the scenario reads, not the console.
 */
@InterleaveTest
@DisplayName("1. Starting and joining tasks")
public class StartAndJoinScenario {
    static final Case CASE = new Case("start-and-join", "1. Starting and joining tasks");

    /** The slide's ten threads. */
    static final int THREADS = 10;

    /** Runs of the program with join. */
    static final int RUNS = 20;

    static String name(int i) {
        return "Thread-" + i;
    }

    static String line(int i) {
        return name(i) + " Hello World!";
    }

    /** What is wrong with the output main read: null when it holds every line exactly once. */
    static String missing(List<String> output) {
        List<String> problems = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (int i = 1; i <= THREADS; i++) {
            String line = line(i);
            long times = output.stream().filter(line::equals).count();
            if (times == 0) {
                absent.add(name(i));
            } else if (times > 1) {
                problems.add(line + " appears " + times + " times");
            }
        }
        if (!absent.isEmpty()) {
            problems.add(0, "main read " + (THREADS - absent.size()) + " of " + THREADS + " lines; "
                    + (absent.size() == THREADS ? "no thread had printed yet"
                            : String.join(", ", absent) + " had not printed yet"));
        }
        if (output.size() != THREADS && absent.isEmpty() && problems.isEmpty()) {
            problems.add("main read " + output.size() + " lines instead of " + THREADS);
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** The order of the lines, by thread number ("1 3 2 4 ..."). */
    static String order(List<String> output) {
        return output.stream().map(line -> line.substring("Thread-".length(), line.indexOf(' ')))
                .collect(Collectors.joining(" "));
    }

    /**
     * The program without join, explored: main starts the ten threads and reads the output at
     * once; each thread prints its line in one step.
     */
    static void programWithoutJoin(Setup s) {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        List<String> read = new ArrayList<>();
        s.task("Main", t -> {
            t.run("start " + name(1) + " ... " + name(THREADS), () -> { });
            List<String> seen = t.call("read the output", () -> List.copyOf(output),
                    lines -> "read the output (" + lines.size() + " of " + THREADS + " lines)");
            read.addAll(seen);
        });
        for (int i = 1; i <= THREADS; i++) {
            String line = line(i);
            s.task(name(i), t -> t.run("print '" + line + "'", () -> output.add(line)));
        }
        s.state("Output", () -> output.size() + " line(s)");
        s.outcome(() -> "main read " + read.size() + " of " + THREADS + " lines");
        s.check(() -> {
            String problem = missing(read);
            return problem == null ? null
                    : "Main did not wait: " + problem + ". Without join, nothing makes the main program wait for"
                            + " the threads to terminate.";
        });
    }

    @ExpectedFailure
    @DisplayName("without join, main reads the output before the threads have printed")
    void withoutJoinMainReadsTooEarly() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), StartAndJoinScenario::programWithoutJoin,
                Options.systematic()).explore();
        CASE.expectFailure("without-join", "main reading fewer than ten lines", found, Explorer.Ending.VIOLATION);
    }

    @ExpectedSuccess
    @DisplayName("with join, main reads all ten lines, each exactly once, in whatever order they came")
    void withJoinAllTenLines() throws InterruptedException {
        Map<String, Integer> orders = new LinkedHashMap<>();
        List<Recording.Step> firstRun = new ArrayList<>();
        String wrong = null;
        for (int run = 1; run <= RUNS; run++) {
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            List<String[]> trace = new ArrayList<>();
            try (Workers workers = new Workers()) {
                List<Worker<Void>> threads = new ArrayList<>();
                for (int i = 1; i <= THREADS; i++) {
                    String line = line(i);
                    String name = name(i);
                    threads.add(workers.start(name, () -> {
                        synchronized (trace) {
                            output.add(line);
                            trace.add(new String[] {name, "print '" + line + "'", output.size() + " line(s)"});
                        }
                    }));
                }
                for (Worker<Void> thread : threads) {
                    thread.join();
                }
            }
            List<String> read = List.copyOf(output);
            trace.add(new String[] {"Main", "join all ten; read the output (" + read.size() + " of " + THREADS
                    + " lines)", read.size() + " line(s)"});
            orders.merge(order(read), 1, Integer::sum);
            if (run == 1) {
                for (String[] step : trace) {
                    firstRun.add(new Recording.Step(firstRun.size() + 1, step[0], step[1], step[2], "step"));
                }
            }
            String problem = missing(read);
            if (problem != null && wrong == null) {
                wrong = "run " + run + ": " + problem + ", although main joined every thread";
            }
        }
        List<String> columns = new ArrayList<>();
        columns.add("Main");
        IntStream.rangeClosed(1, THREADS).forEach(i -> columns.add(name(i)));
        CASE.judge(wrong == null ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS, "with-join",
                wrong == null ? "after join, main read all " + THREADS + " lines, each exactly once, in every one of "
                        + RUNS + " runs; " + orders.size() + (orders.size() == 1 ? " order" : " different orders")
                        + " observed" : wrong,
                "real threads, " + RUNS + " runs: main starts " + THREADS + " threads, joins each, then reads the"
                        + " output; the orders of the lines are observed, not asserted",
                columns, "Output", firstRun, orders, null,
                Case.details("orders observed (thread numbers, line by line)", orders));
    }
}
