package dev.interleave.reports.grade;

import dev.interleave.reports.grade.child.Battery;
import dev.interleave.reports.grade.child.CheckInfo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The order the tools run in, on two cores. Lincheck's model checker keeps a core busy per JVM, so
 * it runs in two JVMs at once; the conformance suite (twice) and the scenarios mostly wait on
 * blocked threads, so they run beside it, one after the other; jcstress needs every core to itself
 * and runs last, alone. Each tool gets its share of the budget plus what the tools before it on
 * its track left unused; jcstress gets what is left. No verdict depends on the machine's load:
 * the conformance suite and the scenarios wait with bounds far above any delay, Lincheck's model
 * checking is deterministic, and jcstress's evidence is one-sided.
 */
final class Schedule {
    static final List<Battery> BESIDE_LINCHECK = List.of(Battery.CONFORMANCE, Battery.SPURIOUS, Battery.SCENARIOS);

    private final Budget budget;
    private final Map<Battery, List<CheckInfo>> plan;
    private final GraderClasspath grader;
    private final Submission submission;
    private final Path work;
    private final int memory;
    private final PrintStream console;

    Schedule(Budget budget, Map<Battery, List<CheckInfo>> plan, GraderClasspath grader, Submission submission,
            Path work, int memory, PrintStream console) {
        this.budget = budget;
        this.plan = plan;
        this.grader = grader;
        this.submission = submission;
        this.work = work;
        this.memory = memory;
        this.console = console;
    }

    /** Why vmlens is not among the tools a grader runs. */
    static final String WITHOUT_VMLENS = "vmlens is not part of grading: version 1.2.17 reports data races that are "
            + "not there in correct code built on monitors or on ReentrantLock.lockInterruptibly(), and a false alarm "
            + "must never cost a submission points (mvn verify runs it where it can follow the code)";

    /** One line: how the tools run. */
    static String describe() {
        return "Lincheck runs in two JVMs at once, with the conformance suite, the conformance suite with spurious "
                + "wake-ups and the scenarios beside it; jcstress runs last, alone";
    }

    /** Runs every tool of the plan; done by {@code endNanos} (each tool's checks all get a result). */
    List<ToolRun.ToolOutcome> run(long endNanos) throws Exception {
        List<Battery> heavy = plan.containsKey(Battery.LINCHECK) ? List.of(Battery.LINCHECK) : List.of();
        List<Battery> light = BESIDE_LINCHECK.stream().filter(plan::containsKey).toList();
        List<ToolRun.ToolOutcome> outcomes = new ArrayList<>();
        ExecutorService tracks = Executors.newFixedThreadPool(2);
        try {
            Future<List<ToolRun.ToolOutcome>> first = tracks.submit(() -> track(heavy, endNanos));
            Future<List<ToolRun.ToolOutcome>> second = tracks.submit(() -> track(light, endNanos));
            outcomes.addAll(first.get());
            outcomes.addAll(second.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            tracks.shutdownNow();
        }
        if (plan.containsKey(Battery.JCSTRESS)) {
            outcomes.addAll(track(List.of(Battery.JCSTRESS), endNanos));
        }
        outcomes.sort(Comparator.comparing(ToolRun.ToolOutcome::tool));
        return outcomes;
    }

    /** Runs {@code tools} one after the other, each within its share and what the ones before left. */
    private List<ToolRun.ToolOutcome> track(List<Battery> tools, long endNanos) throws Exception {
        List<ToolRun.ToolOutcome> outcomes = new ArrayList<>();
        long carried = 0;
        for (Battery tool : tools) {
            long share = tool == Battery.JCSTRESS ? Long.MAX_VALUE / 4 : budget.shares().get(tool) + carried;
            long start = System.nanoTime();
            long deadline = share > (endNanos - start) / 1_000_000_000L ? endNanos : start + share * 1_000_000_000L;
            console.printf(Locale.ROOT, "[grade] %s: %d checks, %d s%n", tool.title(), plan.get(tool).size(),
                    Math.max(0, (deadline - start) / 1_000_000_000L));
            int lanes = tool == Battery.LINCHECK ? Math.min(2, Runtime.getRuntime().availableProcessors()) : 1;
            ToolRun.ToolOutcome outcome = ToolRun.inLanes(lanes, tool, plan.get(tool), grader, submission, work, memory,
                    console, deadline);
            console.printf(Locale.ROOT, "[grade] %s: %d passed, %d failed in %.0f s%n", tool.title(), outcome.passed(),
                    outcome.failed(), outcome.seconds());
            outcomes.add(outcome);
            if (tool != Battery.JCSTRESS) {
                carried = Math.max(0, share - (System.nanoTime() - start) / 1_000_000_000L);
            }
        }
        return outcomes;
    }
}
