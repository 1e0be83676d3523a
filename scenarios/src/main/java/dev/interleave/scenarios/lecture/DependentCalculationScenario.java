package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Event;
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
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import dev.interleave.stress.harness.Workers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 3 of the lecture, "some random calculation": {@code L1: a = 2; L2: b = 3; L3: p = a + b;
 * L4: q = a * b; L5: r = q - p}, each line a task of its own. L1 || L2 and L3 || L4 may run in
 * parallel, but L3 and L4 have to wait for L1 and L2, and L5 has to wait for L3 and L4: some
 * synchronization between the tasks is required.
 *
 * <p>Without it, the exploration runs the five tasks in every order (a value not yet set reads
 * as 0) and lists every r that L5 can compute: only the orders that follow the dependencies give
 * r = 1. With an {@code Event} per value ("a ready", ...), L3 and L4 wait for L1 and L2, L5
 * waits for L3 and L4, and every schedule gives r = 1. With join instead, the parent starts L3
 * and L4 only after it joined L1 and L2, and computes L5 after it joined L3 and L4.
 */
@InterleaveTest
@DisplayName("3. Dependent calculation L1–L5")
public class DependentCalculationScenario {
    static final Case CASE = new Case("dependent-calculation", "3. Dependent calculation L1–L5");

    /** Runs of the variant with join. */
    static final int JOIN_RUNS = 20;

    /** The shared variables; null while a line has not set it yet. */
    static final class Variables {
        Integer a;
        Integer b;
        Integer p;
        Integer q;
        Integer r;
        /** What went wrong: which line read which value before it was set. */
        final List<String> tooEarly = Collections.synchronizedList(new ArrayList<>());

        /** A value as a line reads it: 0 when not set yet (and noted as read too early). */
        int read(String line, String name, Integer value, String setBy) {
            if (value == null) {
                tooEarly.add(line + " read " + name + " before " + setBy + " had set it");
                return 0;
            }
            return value;
        }

        @Override
        public String toString() {
            return "a=" + shown(a) + " b=" + shown(b) + " p=" + shown(p) + " q=" + shown(q) + " r=" + shown(r);
        }

        private static String shown(Integer value) {
            return value == null ? "-" : String.valueOf(value);
        }
    }

    static String l1(Variables v) {
        v.a = 2;
        return "a = 2";
    }

    static String l2(Variables v) {
        v.b = 3;
        return "b = 3";
    }

    static String l3(Variables v) {
        int a = v.read("L3", "a", v.a, "L1");
        int b = v.read("L3", "b", v.b, "L2");
        v.p = a + b;
        return "p = a + b = " + a + " + " + b + " = " + v.p;
    }

    static String l4(Variables v) {
        int a = v.read("L4", "a", v.a, "L1");
        int b = v.read("L4", "b", v.b, "L2");
        v.q = a * b;
        return "q = a * b = " + a + " * " + b + " = " + v.q;
    }

    static String l5(Variables v) {
        int q = v.read("L5", "q", v.q, "L4");
        int p = v.read("L5", "p", v.p, "L3");
        v.r = q - p;
        return "r = q - p = " + q + " - " + p + " = " + v.r;
    }

    /**
     * One line as one step (one task): in the variant with events it first waits for the events
     * of the values it reads (Python's {@code a_ready.wait()}), then reads and writes the shared
     * variables, then sets the event that announces its own value.
     *
     * @param waits the events to wait for, first (none without events)
     * @param ready the event to set at the end, or null
     */
    static void line(Task t, String code, Function<Variables, String> line, Variables v, List<Named> waits,
            Named ready) throws Exception {
        StringBuilder waited = new StringBuilder();
        for (Named wait : waits) {
            waited.append("wait for '").append(wait.name()).append("'; ");
        }
        t.call(waited + code, () -> {
            for (Named wait : waits) {
                wait.event().await();
            }
            String done = waited + line.apply(v);
            if (ready != null) {
                ready.event().set();
                done += "; set '" + ready.name() + "'";
            }
            return done;
        }, done -> done);
    }

    /** An event and its name in the lecture's words. */
    record Named(Event event, String name) {}

    static void program(Setup s, boolean withEvents) {
        Variables v = new Variables();
        Named aReady = withEvents ? new Named(s.primitives().event("a ready"), "a ready") : null;
        Named bReady = withEvents ? new Named(s.primitives().event("b ready"), "b ready") : null;
        Named pReady = withEvents ? new Named(s.primitives().event("p ready"), "p ready") : null;
        Named qReady = withEvents ? new Named(s.primitives().event("q ready"), "q ready") : null;
        List<Named> none = List.of();
        s.task("L1", t -> line(t, "a = 2", DependentCalculationScenario::l1, v, none, aReady));
        s.task("L2", t -> line(t, "b = 3", DependentCalculationScenario::l2, v, none, bReady));
        s.task("L3", t -> line(t, "p = a + b", DependentCalculationScenario::l3, v,
                withEvents ? List.of(aReady, bReady) : none, pReady));
        s.task("L4", t -> line(t, "q = a * b", DependentCalculationScenario::l4, v,
                withEvents ? List.of(aReady, bReady) : none, qReady));
        s.task("L5", t -> line(t, "r = q - p", DependentCalculationScenario::l5, v,
                withEvents ? List.of(pReady, qReady) : none, null));
        s.state("a, b, p, q, r", v::toString);
        s.outcome(() -> "r = " + v.r);
        s.check(() -> v.r != null && v.r == 1 ? null
                : "r = " + v.r + " instead of 1: " + String.join(", ", v.tooEarly)
                        + " (a value not set yet reads as 0); L3 and L4 have to wait for L1 and L2,"
                        + " and L5 has to wait for L3 and L4.");
    }

    /** Runs one line and notes it in the trace, with the variables after it, as one atomic entry. */
    static void traced(List<String[]> trace, String thread, Supplier<String> line, Variables v) {
        synchronized (trace) {
            trace.add(new String[] {thread, line.get(), v.toString()});
        }
    }

    @ExpectedFailure
    @DisplayName("without synchronization, L5 can compute a wrong r")
    void withoutSynchronizationRCanBeWrong() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, false),
                Options.systematic().preemptions(4).allOutcomes()).explore();
        CASE.expectFailure("unsynchronized", "an r other than 1", found, Explorer.Ending.VIOLATION);
        assertTrue(found.exhausted(), "every order of the five lines should have been run: " + found.method());
        assertEquals(Set.of("r = 1", "r = 6", "r = 4", "r = 3", "r = 0", "r = -2", "r = -3", "r = -5"),
                found.outcomes().keySet(), "the r that L5 can compute, over every order of the five lines");
    }

    @ExpectedSuccess
    @DisplayName("with events, L3 and L4 wait for L1 and L2, L5 waits for L3 and L4: always r = 1")
    void withEventsAlwaysOne() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, true),
                Options.systematic().preemptions(4)).explore();
        CASE.expectSuccess("with-events", found);
        assertEquals(Set.of("r = 1"), found.outcomes().keySet());
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @ExpectedSuccess
    @DisplayName("with join, L3 and L4 start after L1 and L2 were joined: always r = 1")
    void withJoinAlwaysOne() throws InterruptedException {
        List<Recording.Step> firstRun = new ArrayList<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        Set<String> orders = new TreeSet<>();
        String wrong = null;
        for (int run = 0; run < JOIN_RUNS; run++) {
            Variables v = new Variables();
            List<String[]> trace = new ArrayList<>();
            try (Workers workers = new Workers()) {
                var l1 = workers.start("L1", () -> traced(trace, "L1", () -> l1(v), v));
                var l2 = workers.start("L2", () -> traced(trace, "L2", () -> l2(v), v));
                l1.join();
                l2.join();
                traced(trace, "Main", () -> "L1.join(); L2.join()", v);
                var l3 = workers.start("L3", () -> traced(trace, "L3", () -> l3(v), v));
                var l4 = workers.start("L4", () -> traced(trace, "L4", () -> l4(v), v));
                l3.join();
                l4.join();
                traced(trace, "Main", () -> "L3.join(); L4.join()", v);
                traced(trace, "Main", () -> "L5: " + l5(v), v);
            }
            outcomes.merge("r = " + v.r, 1, Integer::sum);
            orders.add(String.join(" ", trace.stream().map(step -> step[0]).toList()));
            if (run == 0) {
                for (String[] step : trace) {
                    firstRun.add(new Recording.Step(firstRun.size() + 1, step[0], step[1], step[2], "step"));
                }
            }
            if ((v.r == null || v.r != 1) && wrong == null) {
                wrong = "run " + (run + 1) + ": r = " + v.r + " instead of 1: " + String.join(", ", v.tooEarly);
            }
        }
        CASE.judge(wrong == null ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS, "with-join",
                wrong == null ? "r = 1 in every one of " + JOIN_RUNS + " runs: join waits for the lines L3, L4 and"
                        + " L5 depend on" : wrong,
                "real threads, " + JOIN_RUNS + " runs: the parent starts L1 and L2, joins them, starts L3 and L4,"
                        + " joins them, then computes L5",
                List.of("L1", "L2", "L3", "L4", "Main"), "a, b, p, q, r", firstRun, outcomes, null,
                Case.details("orders observed", List.copyOf(orders)));
    }
}
