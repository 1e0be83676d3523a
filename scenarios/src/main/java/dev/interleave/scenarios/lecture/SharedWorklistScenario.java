package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Held;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.Observation;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.explore.Task;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 4 of the lecture, the threaded URL fetcher: every worker thread pops hosts from one shared
 * list until it is empty ({@code host = self.hosts.pop()} until {@code IndexError}), fetches each
 * and prints how many URLs it processed; the slide times the program with 1, 3, 6 and 12 threads.
 *
 * <p>Here the list is a plain array with a size field, and a pop is three steps: read the size,
 * take the item below it, write the size back. Without synchronization, the exploration finds
 * the schedule in which two workers read the same size and take the same host twice. Through the
 * {@code Queue} of the implementation under test ({@code poll()} until it returns nothing), or
 * with the three steps under a {@code Lock}, every host is taken exactly once in every schedule.
 * The slide's timing table, with a fixed simulated fetch latency over the {@code Queue}, is an
 * observation: who processed how many hosts and how long it took are reported, never asserted.
 */
@InterleaveTest
@DisplayName("4. Shared worklist (threaded URL fetcher)")
public class SharedWorklistScenario {
    static final Case CASE = new Case("shared-worklist", "4. Shared worklist (threaded URL fetcher)");

    /** The slide's hosts. */
    static final List<String> HOSTS = List.of("http://google.com", "http://yahoo.com", "http://amazon.com",
            "http://apple.com", "http://reuters.com", "http://ibm.com");

    /** The hosts of an explored run: few, so that every schedule can be run. */
    static final List<String> EXPLORED_HOSTS = HOSTS.subList(0, 2);

    /** The workers of an explored run. */
    static final List<String> EXPLORED_WORKERS = List.of("Thread-1", "Thread-2");

    /** The simulated time to fetch one URL in the timing table. */
    static final long FETCH_LATENCY_MS = 100;

    /** The numbers of threads of the slide's timing table. */
    static final List<Integer> THREAD_COUNTS = List.of(1, 3, 6, 12);

    /** Who took which host, in order; what the check and the state column read. */
    static final class Taken {
        final List<String> hosts = new ArrayList<>();
        final List<String> by = new ArrayList<>();

        /** Notes that {@code worker} took {@code host}; returns the host (null: nothing taken). */
        String add(String host, String worker) {
            if (host != null) {
                synchronized (this) {
                    hosts.add(host);
                    by.add(worker);
                }
            }
            return host;
        }

        /** What is wrong: a host taken twice or never; null when each was taken exactly once. */
        synchronized String problem(List<String> all) {
            List<String> problems = new ArrayList<>();
            for (String host : all) {
                List<String> takers = new ArrayList<>();
                for (int i = 0; i < hosts.size(); i++) {
                    if (hosts.get(i).equals(host)) {
                        takers.add(by.get(i));
                    }
                }
                if (takers.isEmpty()) {
                    problems.add(host(host) + " was never taken (lost)");
                } else if (takers.size() > 1) {
                    problems.add(host(host) + " was taken " + (takers.size() == 2 ? "twice" : takers.size() + " times")
                            + " (by " + String.join(" and ", takers) + ")");
                }
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        @Override
        public synchronized String toString() {
            return hosts.isEmpty() ? "-" : String.join(", ", hosts.stream().map(SharedWorklistScenario::host).toList());
        }
    }

    /** A host without its scheme, as the table shows it. */
    static String host(String url) {
        return url.substring(url.indexOf("//") + 2);
    }

    /** The shared list without synchronization: a plain array and a size field. */
    static final class HostList {
        final String[] items;
        int size;

        HostList(List<String> hosts) {
            items = hosts.toArray(new String[0]);
            size = items.length;
        }
    }

    /**
     * {@code host = hosts.pop()} in three steps: read the size, take the item below it, write the
     * size back. Returns null when the list was empty (Python's {@code IndexError}).
     */
    static String pop(Task t, HostList list, Taken taken) throws Exception {
        int size = t.call("read size", () -> list.size, n -> "read size (" + n + ")");
        if (size == 0) {
            return null;
        }
        String host = t.call("take hosts[" + (size - 1) + "]", () -> taken.add(list.items[size - 1], t.name()),
                h -> "take hosts[" + (size - 1) + "] (" + host(h) + ")");
        t.run("write size (" + (size - 1) + ")", () -> list.size = size - 1);
        return host;
    }


    enum Guard { NONE, LOCK, QUEUE }

    static void program(Setup s, Guard guard) {
        Taken taken = new Taken();
        HostList list = new HostList(EXPLORED_HOSTS);
        Lock lock = guard == Guard.LOCK ? s.primitives().lock("Lock") : null;
        Queue<String> queue = guard == Guard.QUEUE ? s.primitives().fifoQueue("hosts", EXPLORED_HOSTS.size()) : null;
        if (queue != null) {
            EXPLORED_HOSTS.forEach(host -> {
                if (!queue.offer(host)) {
                    throw new IllegalStateException("the queue refused " + host + " below its capacity");
                }
            });
        }
        for (String name : EXPLORED_WORKERS) {
            s.task(name, t -> {
                while (true) {
                    String host;
                    if (queue != null) {
                        host = t.call("hosts.poll()", () -> taken.add(queue.poll(), t.name()),
                                h -> "hosts.poll() (" + (h == null ? "nothing left" : host(h)) + ")");
                    } else if (lock != null) {
                        try (Held held = t.with(lock)) {
                            host = pop(t, list, taken);
                        }
                    } else {
                        host = pop(t, list, taken);
                    }
                    if (host == null) {
                        break;
                    }
                }
            });
        }
        s.state(queue != null ? "Taken" : "Hosts",
                () -> (queue != null ? "" : "size " + list.size + "; taken: ") + taken);
        s.outcome(() -> {
            String problem = taken.problem(EXPLORED_HOSTS);
            return problem == null ? "each host taken once" : problem;
        });
        s.check(() -> {
            String problem = taken.problem(EXPLORED_HOSTS);
            return problem == null ? null
                    : "A race on the shared list: " + problem + ". Both threads read the same size before either"
                            + " wrote it back; reading, taking and writing the size is a critical section.";
        });
    }

    @ExpectedFailure
    @DisplayName("without synchronization, two threads pop the same host")
    void withoutSynchronizationAHostIsTakenTwice() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, Guard.NONE),
                Options.systematic()).explore();
        CASE.expectFailure("unsynchronized", "a host taken twice (or lost)", found, Explorer.Ending.VIOLATION);
    }

    @ExpectedSuccess
    @DisplayName("through the Queue, every host is taken exactly once")
    void throughTheQueueEveryHostOnce() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, Guard.QUEUE),
                Options.systematic()).explore();
        CASE.expectSuccess("queue", found);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @ExpectedSuccess
    @DisplayName("with lock: around the pop, every host is taken exactly once")
    void withLockEveryHostOnce() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, Guard.LOCK),
                Options.systematic()).explore();
        CASE.expectSuccess("with-lock", found);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @Observation
    @DisplayName("the slide's timing table: 1, 3, 6 and 12 threads over the Queue")
    void timingTable() throws InterruptedException {
        Primitives primitives = ImplementationUnderTest.primitives();
        Map<String, Object> runs = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        String wrong = null;
        for (int threads : THREAD_COUNTS) {
            Queue<String> hosts = primitives.fifoQueue(HOSTS.size());
            for (String host : HOSTS) {
                if (!hosts.offer(host)) {
                    throw new AssertionError("the queue refused " + host + " below its capacity");
                }
            }
            Taken taken = new Taken();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            int[] processed = new int[threads];
            long start = System.nanoTime();
            try (Workers workers = new Workers()) {
                List<Worker<Void>> started = new ArrayList<>();
                for (int k = 1; k <= threads; k++) {
                    String name = "Thread-" + k;
                    int index = k - 1;
                    started.add(workers.start(name, () -> {
                        int i = 0;
                        for (String host = taken.add(hosts.poll(), name); host != null;
                                host = taken.add(hosts.poll(), name)) {
                            TimeUnit.MILLISECONDS.sleep(FETCH_LATENCY_MS);
                            i++;
                        }
                        processed[index] = i;
                        lines.add(name + " processed " + i + " URLs.");
                    }));
                }
                for (Worker<Void> worker : started) {
                    worker.join();
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            String time = String.format(Locale.ROOT, "Elapsed time: %.2fs", elapsed);
            List<String> output = new ArrayList<>(lines);
            output.add(time);
            runs.put(threads + (threads == 1 ? " thread" : " threads"), output);
            summary.add(threads + ": " + String.format(Locale.ROOT, "%.2fs", elapsed));
            int sum = 0;
            for (int n : processed) {
                sum += n;
            }
            String problem = taken.problem(HOSTS);
            if (wrong == null && (problem != null || sum != HOSTS.size() || !hosts.isEmpty())) {
                wrong = "with " + threads + " threads: " + (problem != null ? problem
                        : "the threads processed " + sum + " URLs in all instead of " + HOSTS.size());
            }
        }
        runs.put("fetch latency", FETCH_LATENCY_MS + " ms per URL (simulated)");
        runs.put("processors", Runtime.getRuntime().availableProcessors());
        CASE.judge(wrong == null ? Verdict.OBSERVED : Verdict.FAILED, Expectation.OBSERVATION, "timing",
                wrong == null ? "every host processed exactly once; elapsed time by number of threads: "
                        + String.join(", ", summary) : wrong,
                "real threads over the Queue of the implementation under test, " + HOSTS.size() + " hosts, a fetch"
                        + " simulated by sleeping " + FETCH_LATENCY_MS + " ms; who processed how many and the times"
                        + " are observed, not asserted",
                null, null, null, null, null, runs);
    }
}
