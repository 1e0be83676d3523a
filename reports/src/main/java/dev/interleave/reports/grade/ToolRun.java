package dev.interleave.reports.grade;

import dev.interleave.reports.grade.child.Battery;
import dev.interleave.reports.grade.child.CheckInfo;
import dev.interleave.reports.grade.child.ChildConfig;
import dev.interleave.reports.grade.child.Message;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every check of one tool in child JVMs within the tool's share of the budget.
 *
 * <p>A child reports each check it starts and ends. When a child dies in a check (its JVM exits,
 * runs out of memory, or the check runs past its bound and the grader kills it), that check fails
 * with what the grader saw, and a new child takes the checks that are left; a check is never run
 * twice. What the share of the budget leaves unrun fails as not run. Only an authentic
 * {@code passed} record makes a check pass.
 */
final class ToolRun {
    /** How long one check may run before the grader kills its JVM. */
    static long checkLimitSeconds(Battery tool) {
        return switch (tool) {
            case LINCHECK -> 150;
            case SCENARIOS -> 90;
            default -> 60;
        };
    }

    private final Battery tool;
    private final List<CheckInfo> plan;
    private final GraderClasspath grader;
    private final Submission submission;
    private final Path work;
    private final int memory;
    private final PrintStream console;
    private final String name;
    private final Map<String, CheckResult> results = new LinkedHashMap<>();
    private final Map<String, String> artifacts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int children;
    private int noise;
    private long begin;
    private long lastProgressLine;

    ToolRun(Battery tool, String name, List<CheckInfo> plan, GraderClasspath grader, Submission submission, Path work,
            int memory, PrintStream console) {
        this.tool = tool;
        this.name = name;
        this.plan = plan;
        this.grader = grader;
        this.submission = submission;
        this.work = work;
        this.memory = memory;
        this.console = console;
    }

    /** Runs the tool until its checks are done or {@code deadlineNanos}; every planned check gets a result. */
    ToolOutcome run(long deadlineNanos) throws IOException, InterruptedException {
        begin = System.nanoTime();
        lastProgressLine = begin;
        Map<String, CheckInfo> remaining = new LinkedHashMap<>();
        plan.forEach(c -> remaining.put(c.id(), c));
        int fruitless = 0;
        while (!remaining.isEmpty() && System.nanoTime() < deadlineNanos && fruitless < 2) {
            int before = remaining.size();
            runChild(remaining, deadlineNanos);
            fruitless = remaining.size() < before ? 0 : fruitless + 1;
        }
        String reason = fruitless >= 2
                ? "not run: the test JVM ended twice before it could run a check (see the notes)"
                : "not run: the tool's share of the time budget ran out";
        for (CheckInfo check : remaining.values()) {
            results.put(check.id(), CheckResult.failed(check, reason, null, 0));
        }
        if (noise > 0) {
            notes.add(noise + " line(s) on the verdict channel were not authentic records and were ignored");
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        List<CheckResult> ordered = plan.stream().map(c -> results.get(c.id())).toList();
        return new ToolOutcome(tool, ordered, Map.copyOf(artifacts), List.copyOf(notes), seconds, children);
    }

    private void runChild(Map<String, CheckInfo> remaining, long deadlineNanos) throws IOException, InterruptedException {
        long secondsLeft = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000_000L);
        Path childWork = work.resolve(name + "-" + (++children));
        java.nio.file.Files.createDirectories(childWork);
        ChildConfig config = new ChildConfig(tool.id(), submission.primitives(), List.copyOf(remaining.keySet()),
                childWork.toAbsolutePath().toString(), tool.properties(), secondsLeft);
        Path log = work.resolve("logs").resolve(name + "-" + children + ".log");
        try (ChildProcess child = ChildProcess.start(grader, submission.classes(), config, memory, log)) {
            String inFlight = null;
            long inFlightSince = 0;
            long limit = checkLimitSeconds(tool) * 1_000_000_000L;
            boolean done = false;
            String killed = null;
            while (true) {
                long now = System.nanoTime();
                if (now >= deadlineNanos) {
                    killed = "the tool's share of the time budget ran out during this check";
                    break;
                }
                if (tool != Battery.JCSTRESS && inFlight != null && now - inFlightSince > limit) {
                    killed = "ran longer than " + checkLimitSeconds(tool) + " s: the grader stopped its JVM";
                    break;
                }
                if (now - lastProgressLine > 15_000_000_000L) {
                    progress(deadlineNanos);
                    lastProgressLine = now;
                }
                ChildProcess.Event event = child.next(Math.min(1000, (deadlineNanos - now) / 1_000_000));
                if (event == null) {
                    continue;
                }
                if (event.ended()) {
                    break;
                }
                Message m = event.message();
                switch (m.type()) {
                    case "start" -> {
                        if (remaining.containsKey(m.check())) {
                            inFlight = m.check();
                            inFlightSince = System.nanoTime();
                        }
                    }
                    case "result" -> {
                        CheckInfo check = remaining.remove(m.check());
                        if (check != null) {
                            results.put(check.id(), new CheckResult(check, status(m.status()), m.message(), m.detail(),
                                    m.seconds() == null ? 0 : m.seconds()));
                        }
                        if (m.check() != null && m.check().equals(inFlight)) {
                            inFlight = null;
                        }
                    }
                    case "artifact" -> artifacts.put(m.path(), m.content());
                    case "note" -> notes.add(m.message());
                    case "done" -> done = true;
                    default -> notes.add("an unknown record: " + m.type());
                }
                if (done) {
                    break;
                }
            }
            noise += child.noise();
            if (done) {
                return;
            }
            Integer exit = killed == null ? child.exitCode(2000) : null;
            String how = killed != null ? killed
                    : exit == null ? "its test JVM stopped reporting"
                    : exit == 3 ? "its test JVM ran out of memory (heap limit " + memory + " MB)"
                    : "its test JVM ended during this check (exit code " + exit + ")";
            if (tool == Battery.JCSTRESS) {
                notes.add("jcstress: " + how);
                return;
            }
            if (inFlight != null) {
                CheckInfo check = remaining.remove(inFlight);
                double seconds = (System.nanoTime() - inFlightSince) / 1e9;
                results.put(check.id(), CheckResult.failed(check, how,
                        "The last lines the test JVM wrote:\n" + child.logTail(40), seconds));
            } else if (killed == null) {
                notes.add(tool.id() + ": a test JVM ended outside any check (" + how + "): " + child.logTail(5));
            }
        }
    }

    private static String status(String reported) {
        return switch (reported == null ? "" : reported) {
            case "passed" -> "passed";
            case "skipped" -> "skipped";
            default -> "failed";
        };
    }

    private void progress(long deadlineNanos) {
        long failed = results.values().stream().filter(CheckResult::failed).count();
        console.printf(Locale.ROOT, "[grade] %s: %d of %d checks done, %d failed (%.0f s, %.0f s left of its share)%n",
                name, results.size(), plan.size(), failed, (System.nanoTime() - begin) / 1e9,
                Math.max(0, (deadlineNanos - System.nanoTime()) / 1e9));
    }

    /**
     * Runs {@code plan} in {@code lanes} child JVMs at once, each with every other check, and
     * merges what they found in the plan's order. For a tool whose checks each keep one core
     * busy (Lincheck's model checker runs one thread at a time), two lanes on two cores halve
     * the time and change no verdict.
     */
    static ToolOutcome inLanes(int lanes, Battery tool, List<CheckInfo> plan, GraderClasspath grader,
            Submission submission, Path work, int memory, PrintStream console, long deadlineNanos)
            throws IOException, InterruptedException {
        if (lanes <= 1 || plan.size() < 2) {
            return new ToolRun(tool, tool.id(), plan, grader, submission, work, memory, console).run(deadlineNanos);
        }
        List<java.util.concurrent.Future<ToolOutcome>> futures = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(lanes);
        try {
            for (int lane = 0; lane < lanes; lane++) {
                List<CheckInfo> share = new ArrayList<>();
                for (int i = lane; i < plan.size(); i += lanes) {
                    share.add(plan.get(i));
                }
                ToolRun run = new ToolRun(tool, tool.id() + "-" + (char) ('a' + lane), share, grader, submission, work,
                        memory, console);
                futures.add(pool.submit(() -> run.run(deadlineNanos)));
            }
            Map<String, CheckResult> merged = new java.util.HashMap<>();
            Map<String, String> artifacts = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            double seconds = 0;
            int children = 0;
            for (java.util.concurrent.Future<ToolOutcome> future : futures) {
                ToolOutcome part = future.get();
                part.results().forEach(r -> merged.put(r.check().id(), r));
                artifacts.putAll(part.artifacts());
                notes.addAll(part.notes());
                seconds = Math.max(seconds, part.seconds());
                children += part.children();
            }
            return new ToolOutcome(tool, plan.stream().map(c -> merged.get(c.id())).toList(), Map.copyOf(artifacts),
                    List.copyOf(notes), seconds, children);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a lane of " + tool.id() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What a tool's run came to; {@code children} counts the JVMs it took (more than one per lane
     * when a child died in a check and another took the rest).
     */
    record ToolOutcome(Battery tool, List<CheckResult> results, Map<String, String> artifacts, List<String> notes,
            double seconds, int children) {

        long passed() {
            return results.stream().filter(CheckResult::passed).count();
        }

        long failed() {
            return results.stream().filter(CheckResult::failed).count();
        }
    }
}
