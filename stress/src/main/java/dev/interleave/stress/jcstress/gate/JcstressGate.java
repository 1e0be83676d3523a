package dev.interleave.stress.jcstress.gate;

import dev.interleave.stress.harness.Sandboxing;
import dev.interleave.stress.verdict.Deferral;

import dev.interleave.primitives.Primitives;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Runs the jcstress tests against the implementation under test and turns jcstress's results
 * into a verdict the build can trust.
 *
 * <p>jcstress alone exits with 0 when its filter matched no test, writes no JUnit report and
 * runs as long as its configuration says. The gate:
 *
 * <ol>
 *   <li>names the implementation under test ({@link Primitives#load()}, with
 *       {@code -Dinterleave.primitives} and {@code -Dinterleave.classpath}) and passes it to
 *       every JVM jcstress forks, so jcstress's report shows it too;
 *   <li>counts the tests the filter selects from jcstress's own test list, and fails when it
 *       selects none;
 *   <li>runs {@code org.openjdk.jcstress.Main} in a child JVM within a wall-clock budget, and
 *       kills it, failing, when the budget runs out;
 *   <li>reads jcstress's results file and grades every test by jcstress's own rules; the run
 *       fails on any FORBIDDEN outcome (naming the test, the outcome, its count and its
 *       description), on any selected test without results, on any test that did not run to
 *       the end, and on any error of jcstress itself;
 *   <li>writes the JUnit XML report ({@link JUnitXmlReport}) and leaves jcstress's HTML report
 *       in the results directory.
 * </ol>
 *
 * <p>Settings are system properties ({@link GateSettings}). The exit code is 0 when every
 * selected test passed, 1 otherwise, 2 when the settings are wrong.
 */
public final class JcstressGate {
    private static final String TAG = "[jcstress] ";

    private final GateSettings settings;
    private final PrintStream out;

    JcstressGate(GateSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the gate with {@code settings}, writing its lines to {@code out}: true when every
     * selected test passed. The verdicts are in the JUnit XML report it writes.
     */
    public static boolean run(GateSettings settings, PrintStream out) throws IOException, InterruptedException {
        return new JcstressGate(settings, out).run();
    }

    public static void main(String[] args) throws Exception {
        GateSettings settings;
        try {
            settings = GateSettings.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            System.out.println(TAG + "ERROR " + e.getMessage());
            System.exit(2);
            return;
        }
        boolean passed = new JcstressGate(settings, System.out).run();
        System.exit(Deferral.exitCode(passed, settings.reportsDirectory().toAbsolutePath().getParent(), "jcstress",
                List.of("jcstress: the gate failed (" + settings.reportsDirectory().resolve("TEST-dev.interleave.stress.jcstress.xml")
                        + ", and jcstress's own report " + settings.resultsDirectory().resolve("index.html") + ")")));
    }

    /** Runs the selected tests; true when every one of them passed. */
    boolean run() throws IOException, InterruptedException {
        prepareDirectories();
        List<TestInfo> selected = selectedTests();
        if (selected == null) {
            return refuseEmptySelection();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        String implementation = implementationUnderTest(properties);
        properties.put("jcstress.mode", settings.mode());
        properties.put("jcstress.filter", settings.filter());
        properties.put("jcstress.results", settings.resultsDirectory().resolve("index.html").toString());
        properties.put("interleave.primitives", settings.primitives());
        properties.put("interleave.classpath", settings.implementationClasspath());
        properties.put("interleave.timeFactor", String.valueOf(settings.timeFactor()));
        properties.put("java.version", System.getProperty("java.version"));

        List<TestVerdict> verdicts = new ArrayList<>();
        List<JUnitXmlReport.RunProblem> problems = new ArrayList<>();
        Duration elapsed = Duration.ZERO;
        if (implementation == null) {
            String reason = "the implementation under test cannot be loaded: "
                    + properties.get("interleave.implementation.error");
            selected.forEach(test -> verdicts.add(TestVerdict.notRun(test, reason)));
        } else {
            elapsed = runAndJudge(selected, implementation, properties, verdicts, problems);
        }
        JUnitXmlReport report = new JUnitXmlReport(settings.reportsDirectory());
        report.write(properties, verdicts, problems, elapsed);
        return summarize(implementation, verdicts, problems, elapsed, report);
    }

    /** A run that would test nothing fails, with a report that says so. */
    private boolean refuseEmptySelection() throws IOException {
        new JUnitXmlReport(settings.reportsDirectory()).write(Map.of("jcstress.filter", settings.filter()), List.of(),
                List.of(new JUnitXmlReport.RunProblem("selection", "no jcstress test was selected, so none ran",
                        "-Djcstress.filter=" + settings.filter())),
                Duration.ZERO);
        out.printf(Locale.ROOT, "jcstress: 0 passed, 1 failed%n");
        return false;
    }

    /** Runs jcstress on the selected tests within the budget and grades them; returns the time it took. */
    private Duration runAndJudge(List<TestInfo> selected, String implementation, Map<String, String> properties,
            List<TestVerdict> verdicts, List<JUnitXmlReport.RunProblem> problems)
            throws IOException, InterruptedException {
        Duration budget = settings.budgetFor(selected.size());
        List<String> command = command(implementation);
        properties.put("jcstress.command", String.join(" ", command.subList(3, command.size())));
        properties.put("jcstress.budget", budget.toSeconds() + " s");
        out.printf(Locale.ROOT, "%sImplementation under test: %s%n", TAG, implementation);
        out.printf(Locale.ROOT, "%s%d tests, mode %s, budget %d s; jcstress's output: %s%n", TAG, selected.size(),
                settings.mode(), budget.toSeconds(), settings.resultsDirectory().resolve(JcstressRun.OUTPUT_FILE));
        JcstressRun.Ending ending = new JcstressRun(command, settings.resultsDirectory(), JcstressGate::echo, out)
                .runWithin(budget);
        nameImplementationInHtml(implementation);
        judge(selected, ending, budget, verdicts, problems);
        return ending.elapsed();
    }

    /** The tests the filter selects from jcstress's test list; null, after saying why, when there are none. */
    private List<TestInfo> selectedTests() {
        Pattern filter;
        try {
            filter = Pattern.compile(settings.filter());
        } catch (PatternSyntaxException e) {
            out.println(TAG + "ERROR -Djcstress.filter=" + settings.filter() + " is not a regular expression: "
                    + e.getDescription());
            return null;
        }
        if (TestList.class.getResource(TestList.LIST) == null) {
            out.println(TAG + "ERROR no jcstress test on the class path: " + TestList.LIST
                    + " is missing (were the tests compiled with jcstress's annotation processor?)");
            return null;
        }
        SortedSet<String> names = new TreeSet<>();
        for (String name : TestList.tests()) {
            if (filter.matcher(name).find()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            out.println(TAG + "ERROR -Djcstress.filter=" + settings.filter() + " matches none of the "
                    + TestList.tests().size() + " jcstress tests: nothing would run, and nothing passes by not "
                    + "running");
            return null;
        }
        return names.stream().map(TestList::getInfo).toList();
    }

    /** Empties the results directory of an earlier run's files and makes both directories. */
    private void prepareDirectories() throws IOException {
        Files.createDirectories(settings.resultsDirectory());
        Files.createDirectories(settings.reportsDirectory());
        try (Stream<Path> files = Files.list(settings.resultsDirectory())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean ours = name.endsWith(".html") || name.equals(JcstressRun.OUTPUT_FILE);
                if (ours || JcstressResults.isResultsFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * The class name of the implementation under test, also recorded in {@code properties};
     * null when it cannot be loaded, with the reason recorded instead.
     */
    private static String implementationUnderTest(Map<String, String> properties) {
        try {
            String name = Primitives.load().getClass().getName();
            properties.put("interleave.implementation", name);
            return name;
        } catch (RuntimeException | LinkageError e) {
            properties.put("interleave.implementation", "(cannot be loaded)");
            properties.put("interleave.implementation.error", String.valueOf(e.getMessage()));
            return null;
        }
    }

    /**
     * The child JVM's command line. The implementation's class name (resolved here, so the
     * report names it even when it came from ServiceLoader) and class path reach every JVM
     * jcstress forks through {@code -jvmArgsPrepend}, one option each, so that no value is
     * split at its spaces; so does a grader's sandbox ({@link Sandboxing}), since the forks run
     * the submission's code.
     */
    private List<String> command(String implementation) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.openjdk.jcstress.Main");
        command.add("-t");
        command.add(settings.filter());
        command.add("-r");
        command.add(settings.resultsDirectory().toString());
        command.addAll(settings.presetArgs());
        List<String> forkOptions = new ArrayList<>(List.of(
                "-Dinterleave.primitives=" + implementation,
                "-Dinterleave.classpath=" + settings.implementationClasspath(),
                "-Dinterleave.basedir=" + settings.basedir(),
                "-Dinterleave.timeFactor=" + settings.timeFactor()));
        forkOptions.addAll(Sandboxing.jvmOptions());
        for (String property : forkOptions) {
            command.add("-jvmArgsPrepend");
            command.add(property);
        }
        return command;
    }

    /**
     * Names the implementation under test at the top of jcstress's {@code index.html}. (Each
     * test's page already shows it among the JVM options of every configuration.)
     */
    private void nameImplementationInHtml(String implementation) throws IOException {
        Path index = settings.resultsDirectory().resolve("index.html");
        if (!Files.isRegularFile(index)) {
            return;
        }
        String html = Files.readString(index, StandardCharsets.UTF_8);
        String body = "<body>";
        int at = html.indexOf(body);
        if (at < 0) {
            return;
        }
        String note = System.lineSeparator() + "<p><b>Implementation under test:</b> <code>"
                + escapeHtml(implementation) + "</code></p>";
        Files.writeString(index, html.substring(0, at + body.length()) + note + html.substring(at + body.length()),
                StandardCharsets.UTF_8);
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Grades every selected test, and records what went wrong with the run as a whole. */
    private void judge(List<TestInfo> selected, JcstressRun.Ending ending, Duration budget,
            List<TestVerdict> verdicts, List<JUnitXmlReport.RunProblem> problems) throws IOException {
        List<Path> files = JcstressResults.resultFiles(settings.resultsDirectory());
        JcstressResults.Read read = files.isEmpty()
                ? new JcstressResults.Read(Map.of(), false)
                : JcstressResults.read(files.get(files.size() - 1));
        String notRun = ending.timedOut() ? "jcstress was killed when the budget of " + budget.toSeconds()
                + " s ran out before this test had run" : "jcstress recorded no result for this test";
        for (TestInfo test : selected) {
            List<TestResult> results = read.byTest().get(test.name());
            verdicts.add(results == null || results.isEmpty() ? TestVerdict.notRun(test, notRun)
                    : TestVerdict.of(test, results));
        }
        String output = "See " + settings.resultsDirectory().resolve(JcstressRun.OUTPUT_FILE);
        if (ending.timedOut()) {
            problems.add(new JUnitXmlReport.RunProblem("budget", "jcstress did not finish within its budget of "
                    + budget.toSeconds() + " s and was killed (raise it with -Djcstress.timeout=<seconds>)", output));
        } else if (files.isEmpty()) {
            problems.add(new JUnitXmlReport.RunProblem("results", "jcstress wrote no results file (exit code "
                    + ending.exitCode() + ")" + fatal(ending), output));
        } else if (!read.complete()) {
            problems.add(new JUnitXmlReport.RunProblem("results", "jcstress's results file ends in the middle "
                    + "of a result: " + files.get(files.size() - 1), output));
        }
        boolean anyTestFailed = verdicts.stream().anyMatch(v -> v.kind() != TestVerdict.Kind.PASSED);
        if (!ending.timedOut() && ending.exitCode() != 0 && !anyTestFailed) {
            problems.add(new JUnitXmlReport.RunProblem("exit", "jcstress exited with code " + ending.exitCode()
                    + " although every test passed" + fatal(ending), output));
        }
    }

    private static String fatal(JcstressRun.Ending ending) {
        return ending.fatalLines().isEmpty() ? "" : ": " + String.join(" ", ending.fatalLines());
    }

    /** Prints the verdict and says where the reports are; true when everything passed. */
    private boolean summarize(String implementation, List<TestVerdict> verdicts,
            List<JUnitXmlReport.RunProblem> problems, Duration elapsed, JUnitXmlReport report) {
        long passed = 0;
        Map<String, List<String>> notRun = new LinkedHashMap<>();
        for (TestVerdict verdict : verdicts) {
            if (verdict.histogram().isEmpty() && verdict.kind() == TestVerdict.Kind.ERROR) {
                notRun.computeIfAbsent(verdict.message(), reason -> new ArrayList<>()).add(verdict.simpleName());
                continue;
            }
            switch (verdict.kind()) {
                case PASSED -> passed++;
                case FAILED -> verdict.findings().forEach(finding ->
                        out.printf(Locale.ROOT, "%sFAILED %s: %s%n", TAG, verdict.simpleName(), finding));
                case ERROR -> verdict.findings().forEach(finding ->
                        out.printf(Locale.ROOT, "%sERROR  %s: %s%n", TAG, verdict.simpleName(), finding));
            }
        }
        notRun.forEach((reason, names) -> out.printf(Locale.ROOT, "%sERROR  %s: %s%n", TAG,
                names.size() == 1 ? names.get(0) : names.size() + " tests (" + String.join(", ", names) + ")", reason));
        for (JUnitXmlReport.RunProblem problem : problems) {
            out.printf(Locale.ROOT, "%sERROR  %s%n", TAG, problem.message());
        }
        long failed = verdicts.size() - passed + problems.size();
        out.printf(Locale.ROOT, "%sImplementation under test: %s%n", TAG,
                implementation == null ? "(cannot be loaded)" : implementation);
        Path html = settings.resultsDirectory().resolve("index.html");
        if (Files.isRegularFile(html)) {
            out.printf(Locale.ROOT, "%sHTML: %s%n", TAG, html);
        }
        out.printf(Locale.ROOT, "%sJUnit XML: %s%n", TAG, report.file());
        out.printf(Locale.ROOT, "%s%d of %d tests passed in %d s%n", TAG, passed, verdicts.size(), elapsed.toSeconds());
        out.printf(Locale.ROOT, "jcstress: %d passed, %d failed%n", passed, failed);
        return failed == 0;
    }

    /**
     * What to show of a line of jcstress's console output as it runs: its errors, and its
     * progress line (printed at most every 15 s), which counts JVM configurations, not tests.
     */
    private static String echo(String line) {
        if (line.startsWith("FATAL:") || line.startsWith("ERROR:")) {
            return TAG + line;
        }
        if (line.startsWith("(Results:")) {
            return TAG + "progress, counted in JVM configurations: " + line;
        }
        return null;
    }
}
