package dev.interleave.reports.grade;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.interleave.reports.grade.child.Battery;
import dev.interleave.reports.grade.child.CheckInfo;
import dev.interleave.stress.policy.HomeworkPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code interleave-grader grade}: grades one submission and writes {@code results.json}, the
 * HTML report and JUnit XML into the output folder.
 *
 * <p>The grader's own process never loads a class of the submission: it compiles it in a javac
 * process, reads its class files with ASM and ArchUnit, and runs every check in child JVMs under
 * {@link dev.interleave.reports.grade.sandbox.SubmissionGuard}, which report over an authenticated
 * channel ({@link dev.interleave.reports.grade.child.Channel}). Every file of the results is
 * written here.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grades a submission: a folder of .java sources or a jar with exactly one public class "
                + "implementing dev.interleave.primitives.Primitives (public no-argument constructor).",
            "",
            "Writes <out>/results.json (Gradescope's format), <out>/report/index.html (the interleavings that break "
                + "the submission's primitives), <out>/junit/*.xml and <out>/logs/.",
            "",
            "Exit codes: 0 graded (whatever the score), 2 bad command line, 3 submission invalid (results.json says "
                + "why), 4 grader error."})
public final class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<submission>", description = "A folder of .java sources, or a jar.")
    Path submission;

    @Option(names = "--out", paramLabel = "<folder>", defaultValue = "grade-results",
            description = "Where results.json, report/, junit/ and logs/ go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--budget", paramLabel = "<duration>", defaultValue = "480s",
            description = "The whole run's time: 480, 480s, 8m or 8m30s (default: ${DEFAULT-VALUE}, for a 10-minute "
                    + "slot: the grader ends within the budget and 30 s). It is split among the tools (the split is "
                    + "printed); time a tool leaves unused goes to the next.")
    String budget;

    @Option(names = "--rubric", paramLabel = "<file.json>",
            description = "The points: items of checks (by tool, primitive or a pattern) with points and visibility "
                    + "(default: the shipped rubric, 100 points: one item per primitive, one per lecture case). See "
                    + "the README for the format.")
    Path rubric;

    @Option(names = "--policy", paramLabel = "<policy>",
            description = "What the homework forbids, checked on the compiled classes: permissive, "
                    + "build-it-yourself (= no-concurrent-locks,no-concurrent-utilities), or a comma-separated list of "
                    + "no-concurrent-locks (LockSupport stays allowed), no-locksupport, no-synchronized, "
                    + "no-concurrent-utilities. Default: none.")
    String policy;

    @Option(names = "--tools", paramLabel = "<tool>", split = ",",
            description = "The tools to run, in order (default: conformance,spurious,lincheck,jcstress,scenarios).")
    List<String> tools;

    @Option(names = "--only", paramLabel = "<regex>",
            description = "Run only the checks whose <tool>/<class>/<test> contains a match, e.g. "
                    + "'Lock: lock\\(\\)' (rubric items left without checks are left out of the results).")
    String only;

    @Option(names = "--memory", paramLabel = "<MB>", defaultValue = "512",
            description = "The heap of each child JVM, in MB (default: ${DEFAULT-VALUE}); jcstress's forks get 256.")
    int memory;

    @Option(names = "--work", paramLabel = "<folder>",
            description = "A folder for the run's intermediate files (default: a temporary folder, deleted at the end).")
    Path work;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintStream console = spec.commandLine().getOut() == null ? System.out
                : new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        List<Battery> selected;
        Rubric chosenRubric;
        HomeworkPolicy homework;
        long seconds;
        java.util.regex.Pattern onlyPattern;
        try {
            onlyPattern = only == null ? null : java.util.regex.Pattern.compile(only);
            selected = tools == null ? List.of(Battery.values()) : tools.stream().map(Battery::of).toList();
            seconds = Budget.parseSeconds(budget);
            if (seconds < 60) {
                throw new IllegalArgumentException("--budget " + budget + " is too short: the battery needs a minute "
                        + "at the very least");
            }
            chosenRubric = rubric == null ? Rubric.standard() : Rubric.read(rubric);
            homework = policy == null ? null : Policies.parse(policy);
            if (memory < 128) {
                throw new IllegalArgumentException("--memory " + memory + " is too small (at least 128 MB)");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e instanceof java.util.regex.PatternSyntaxException p
                    ? "--only " + only + " is not a regular expression: " + p.getDescription() : e.getMessage());
        }
        boolean temporary = work == null;
        Path workDir = temporary ? Files.createTempDirectory("interleave-grade-") : work.toAbsolutePath();
        Files.createDirectories(workDir);
        Path outDir = out.toAbsolutePath();
        GradeOutputs outputs = new GradeOutputs(outDir);
        try {
            return grade(console, selected, onlyPattern, chosenRubric, homework, seconds, workDir, outputs, started);
        } finally {
            copyLogs(workDir, outDir);
            if (temporary) {
                deleteRecursively(workDir);
            }
        }
    }

    private int grade(PrintStream console, List<Battery> selected, java.util.regex.Pattern onlyPattern,
            Rubric chosenRubric, HomeworkPolicy homework, long seconds, Path workDir, GradeOutputs outputs, long started)
            throws Exception {
        long deadline = started + seconds * 1_000_000_000L;
        GraderClasspath grader = GraderClasspath.current();
        Map<Battery, List<CheckInfo>> plan = new LinkedHashMap<>();
        List<CheckInfo> everything = new ArrayList<>();
        for (Battery tool : Battery.values()) {
            List<CheckInfo> checks = CheckInfo.discover(tool);
            everything.addAll(checks);
            List<CheckInfo> chosen = onlyPattern == null ? checks
                    : checks.stream().filter(c -> onlyPattern.matcher(Rubric.key(c)).find()).toList();
            if (selected.contains(tool) && !chosen.isEmpty()) {
                plan.put(tool, chosen);
            }
        }
        if (plan.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--only " + only + " selects no check of "
                    + "the tools " + selected.stream().map(Battery::id).toList());
        }
        selected = List.copyOf(plan.keySet());
        try {
            chosenRubric.checkAgainst(everything);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        console.println("[grade] submission: " + submission.toAbsolutePath().normalize());
        Submission prepared;
        try {
            prepared = Submission.prepare(submission.toAbsolutePath(), workDir, grader,
                    Math.min(Submission.COMPILE_SECONDS, seconds / 4));
        } catch (InvalidSubmissionException e) {
            console.println("[grade] the submission cannot be graded: " + e.getMessage());
            Grade grade = new Grade(null, e.getMessage(), List.of(), List.of(), null, List.of(),
                    invalidItems(chosenRubric, e.getMessage()), 0, chosenRubric.total(), elapsed(started));
            outputs.writeAll(grade, chosenRubric, workDir);
            console.println("[grade] results: " + out.toAbsolutePath().resolve("results.json"));
            return GraderMain.INVALID;
        }
        console.println("[grade] graded class: " + prepared.primitives());
        List<String> notes = new ArrayList<>(prepared.notes());
        if (!prepared.unimplemented().isEmpty()) {
            notes.add("not implemented (the method only throws UnsupportedOperationException): "
                    + String.join(", ", prepared.unimplemented()));
        }
        notes.forEach(n -> console.println("[grade] note: " + n));
        List<String> violations = List.of();
        if (homework != null) {
            violations = homework.violations(new ClassFileImporter().importPath(prepared.classes()));
            console.println("[grade] homework policy " + policy + ": "
                    + (violations.isEmpty() ? "complied" : violations.size() + " line(s) of violations"));
        }
        long remaining = Math.max(60, (deadline - System.nanoTime()) / 1_000_000_000L);
        Budget split = Budget.split(remaining, selected);
        console.println("[grade] " + split.describe());
        console.println("[grade] " + Schedule.describe());
        List<ToolRun.ToolOutcome> outcomes = new Schedule(split, plan, grader, prepared, workDir, memory, console)
                .run(deadline - split.reserveSeconds() * 1_000_000_000L / 2);
        for (ToolRun.ToolOutcome outcome : outcomes) {
            outcome.notes().forEach(n -> notes.add(outcome.tool().id() + ": " + n));
        }
        notes.add(split.describe());
        notes.add(Schedule.describe());
        notes.add(Schedule.WITHOUT_VMLENS);
        List<CheckResult> all = outcomes.stream().flatMap(o -> o.results().stream()).toList();
        List<Scoring.ItemResult> items = new ArrayList<>(Scoring.score(chosenRubric, all));
        double max = items.stream().mapToDouble(Scoring.ItemResult::maxScore).sum();
        double score = items.stream().mapToDouble(Scoring.ItemResult::score).sum();
        if (homework != null && chosenRubric.policy() != null) {
            Rubric.PolicyItem p = chosenRubric.policy();
            boolean complied = violations.isEmpty();
            items.add(new Scoring.ItemResult(p.name() == null ? "Homework policy" : p.name(), complied ? p.points() : 0,
                    p.points(), complied ? "passed" : "failed",
                    complied ? "The compiled classes comply with the policy " + policy + "."
                            : "The policy " + policy + " is violated"
                                    + ("item".equals(p.onViolation()) ? "" : " (the whole score is 0)") + ":\n"
                                    + String.join("\n", violations),
                    chosenRubric.visibilityOr("visible"), List.of()));
            max += p.points();
            score += complied ? p.points() : 0;
            if (!complied && !"item".equals(p.onViolation())) {
                score = 0;
            }
        }
        Grade grade = new Grade(prepared.primitives(), null, notes, violations, policy, outcomes,
                items, score, max, elapsed(started));
        outputs.writeAll(grade, chosenRubric, workDir);
        console.printf(Locale.ROOT, "[grade] score %s of %s in %.0f s%n", trim(score), trim(max), elapsed(started));
        for (Scoring.ItemResult item : items) {
            console.printf(Locale.ROOT, "[grade]   %-6s %5s/%-5s %s%n", item.status().equals("passed") ? "ok" : "FAILED",
                    trim(item.score()), trim(item.maxScore()), item.name());
        }
        console.println("[grade] results: " + out.toAbsolutePath().resolve("results.json"));
        console.println("[grade] report:  " + out.toAbsolutePath().resolve("report/index.html"));
        return GraderMain.GRADED;
    }

    private static List<Scoring.ItemResult> invalidItems(Rubric rubric, String reason) {
        List<Scoring.ItemResult> items = new ArrayList<>();
        for (Rubric.Item item : rubric.items()) {
            items.add(new Scoring.ItemResult(item.name(), 0, item.points(), "failed",
                    "Not graded: the submission cannot be graded.\n" + reason,
                    item.visibility() == null ? rubric.visibilityOr("visible") : item.visibility(), List.of()));
        }
        return items;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static double elapsed(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void copyLogs(Path workDir, Path outDir) {
        Path logs = workDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            Path target = outDir.resolve("logs");
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("[grade] cannot copy the child JVMs' logs: " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the run for
        }
    }
}
