package dev.interleave.stress.broken;

import dev.interleave.stress.conformance.ConformanceTest;
import dev.interleave.stress.lincheck.LincheckRun;
import dev.interleave.stress.lincheck.LinearizabilityTest;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs the part of the battery that tests one primitive against a broken variant of it, tool
 * by tool, and records for each tool whether it caught the variant, how, and how fast.
 *
 * <p>The tools, in the order they run:
 * <ol>
 *   <li>{@link Tool#JCSTRESS}, only for a bug of kind {@link DefectKind#VISIBILITY}: the jcstress
 *       gate, in a child JVM, on the primitive's jcstress tests. It sees what no other tool can,
 *       by chance: its verdict is probabilistic, and "not seen" proves nothing.
 *   <li>{@link Tool#CONFORMANCE}: the primitive's conformance classes, in this JVM, through the
 *       JUnit Platform launcher, one test method at a time in the launcher's order, stopping at
 *       the first failure. The tests tagged {@value ConformanceTest#STRESS} are left out: they
 *       catch races by luck. What is left are forced schedules and bounds (a wake-up that never
 *       comes fails as a hang after {@code Delays.LONG_DELAY_MS}): deterministic.
 *   <li>{@link Tool#LINCHECK}: the primitive's Lincheck classes in model checking, which explores
 *       the interleavings of each scenario and so finds a bad one on every run: deterministic.
 *       Their own operations, specification and hand-written scenarios, with fewer random
 *       scenarios than the suite's budget ({@link #LINCHECK_ITERATIONS} of
 *       {@link #LINCHECK_INVOCATIONS} interleavings). Lincheck's stress mode is not run: it is
 *       probabilistic, and model checking sees everything it sees.
 * </ol>
 * Unless asked to run every tool, a variant's remaining tools are skipped once a deterministic
 * tool caught it; the record says which tools ran.
 */
final class KillMatrix {
    /** Lincheck model checking in the kill matrix: random scenarios, after the hand-written ones. */
    static final int LINCHECK_ITERATIONS = 3;

    /** Lincheck model checking in the kill matrix: interleavings explored per scenario. */
    static final int LINCHECK_INVOCATIONS = 200;

    /**
     * jcstress's options in the kill matrix: the gate's quick preset (one fork per JVM
     * configuration, no split compilation), but 3 s per iteration instead of 0.3 s. A termination
     * test gets only a few samples per second, and a waiter spinning on a stale flag shows only
     * once the JIT has compiled the spin: 0.3 s saw it in no run here, 3 s in both configurations.
     */
    static final String JCSTRESS_ARGS = "-m sanity -f 1 -iters 1 -time 3000 -sc false -jvmArgs -Xmx256m";

    /** The longest the jcstress gate may take for one variant before it is killed. */
    static final long JCSTRESS_BOUND_SECONDS = 240;

    /** The tools of the battery. */
    enum Tool {
        JCSTRESS("jcstress", false),
        CONFORMANCE("conformance", true),
        LINCHECK("lincheck model checking", true);

        final String label;
        final boolean deterministic;

        Tool(String label, boolean deterministic) {
            this.label = label;
            this.deterministic = deterministic;
        }
    }

    /** What one tool did with one variant. */
    record ToolResult(Tool tool, boolean ran, boolean caught, String how, String test, double seconds,
            int checks, String note) {
        static ToolResult skipped(Tool tool, String note) {
            return new ToolResult(tool, false, false, null, null, 0, 0, note);
        }
    }

    /** What the battery did with one variant. */
    record VariantResult(Class<? extends BrokenPrimitives> variant, Defect defect, List<ToolResult> tools,
            double seconds) {
        /** The first tool that caught it, if any. */
        Optional<ToolResult> catcher() {
            return tools.stream().filter(ToolResult::caught).filter(t -> t.tool().deterministic).findFirst()
                    .or(() -> tools.stream().filter(ToolResult::caught).findFirst());
        }

        boolean caughtDeterministically() {
            return tools.stream().anyMatch(t -> t.caught() && t.tool().deterministic);
        }

        /** Seconds from the start of the variant's first tool to the end of the catching run. */
        double secondsToCatch() {
            double elapsed = 0;
            for (ToolResult tool : tools) {
                elapsed += tool.seconds();
                if (tool.caught() && (tool.tool().deterministic || !caughtDeterministically())) {
                    return Math.round(elapsed * 100) / 100.0;
                }
            }
            return Double.NaN;
        }

        /** caught, caught-probabilistically, not-seen-in-this-run (visibility) or survived. */
        String verdict() {
            if (caughtDeterministically()) {
                return "caught";
            }
            if (catcher().isPresent()) {
                return "caught-probabilistically";
            }
            return defect.kind() == DefectKind.VISIBILITY ? "not-seen-in-this-run" : "survived";
        }
    }

    private final Launcher launcher = LauncherFactory.create();
    private final Path evidence;
    private final boolean everyTool;

    KillMatrix(Path evidence, boolean everyTool) {
        this.evidence = evidence;
        this.everyTool = everyTool;
    }

    /** Runs the battery of the variant's primitive against it, with {@code interleave.primitives} set to it. */
    VariantResult run(Class<? extends BrokenPrimitives> variant) throws IOException {
        Defect defect = variant.getAnnotation(Defect.class);
        Part part = defect.primitive();
        Path dir = evidence.resolve(variant.getSimpleName());
        Files.createDirectories(dir);
        List<ToolResult> results = new ArrayList<>();
        String previous = System.getProperty("interleave.primitives");
        PrintStream out = System.out;
        long start = System.nanoTime();
        try (PrintStream log = new PrintStream(Files.newOutputStream(dir.resolve("output.txt")), true,
                StandardCharsets.UTF_8)) {
            System.setProperty("interleave.primitives", variant.getName());
            System.setOut(log);
            boolean caught = false;
            if (defect.kind() == DefectKind.VISIBILITY) {
                results.add(jcstress(variant, part, dir));
            }
            for (Tool tool : List.of(Tool.CONFORMANCE, Tool.LINCHECK)) {
                if (caught && !everyTool) {
                    results.add(ToolResult.skipped(tool, "not run: already caught deterministically"));
                    continue;
                }
                ToolResult result = tool == Tool.CONFORMANCE ? conformance(part, dir) : lincheck(part, dir);
                results.add(result);
                caught |= result.caught();
            }
        } finally {
            System.setOut(out);
            if (previous == null) {
                System.clearProperty("interleave.primitives");
            } else {
                System.setProperty("interleave.primitives", previous);
            }
        }
        return new VariantResult(variant, defect, results, seconds(start));
    }

    // ---------------------------------------------------------------- control

    /** What the deterministic conformance tests of every primitive said about a correct implementation. */
    record Control(String implementation, int tests, List<String> failures, double seconds) {}

    /**
     * Runs the deterministic conformance tests of every primitive against {@code implementation}
     * (the fixed versions the variants break): it must pass them all, or a variant's catch could
     * be the fixed version's fault rather than its own bug.
     */
    Control control(Class<?> implementation) {
        String previous = System.getProperty("interleave.primitives");
        PrintStream out = System.out;
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int[] tests = {0};
        try (PrintStream log = new PrintStream(Files.newOutputStream(evidence.resolve("control-output.txt")), true,
                StandardCharsets.UTF_8)) {
            System.setProperty("interleave.primitives", implementation.getName());
            System.setOut(log);
            List<DiscoverySelector> selectors = new ArrayList<>();
            for (Part part : Part.values()) {
                part.conformance().forEach(type -> selectors.add(DiscoverySelectors.selectClass(type)));
            }
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                    .filters(TagFilter.excludeTags(ConformanceTest.STRESS)).build(), new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                            if (identifier.isTest()) {
                                tests[0]++;
                            }
                            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                                failures.add(identifier.getUniqueId() + ": "
                                        + result.getThrowable().map(KillMatrix::summary).orElse("failed"));
                            }
                        }
                    });
        } catch (IOException e) {
            failures.add("cannot write the control's output: " + e);
        } finally {
            System.setOut(out);
            if (previous == null) {
                System.clearProperty("interleave.primitives");
            } else {
                System.setProperty("interleave.primitives", previous);
            }
        }
        return new Control(implementation.getName(), tests[0], failures, seconds(start));
    }

    // ---------------------------------------------------------------- conformance

    private ToolResult conformance(Part part, Path dir) throws IOException {
        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(part.conformance().stream().map(DiscoverySelectors::selectClass).toList())
                .filters(TagFilter.excludeTags(ConformanceTest.STRESS))
                .build();
        TestPlan plan = launcher.discover(discovery);
        List<TestIdentifier> methods = new ArrayList<>();
        plan.getRoots().forEach(root -> collectMethods(plan, root, methods));
        long start = System.nanoTime();
        int run = 0;
        for (TestIdentifier method : methods) {
            run++;
            FirstFailure failure = new FirstFailure();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectUniqueId(method.getUniqueIdObject()))
                    .filters(TagFilter.excludeTags(ConformanceTest.STRESS))
                    .build(), failure);
            if (failure.throwable != null) {
                String test = testName(method) + failure.invocation;
                Files.writeString(dir.resolve("conformance.txt"), test + "\n\n" + trace(failure.throwable),
                        StandardCharsets.UTF_8);
                return new ToolResult(Tool.CONFORMANCE, true, true, summary(failure.throwable), test, seconds(start),
                        run, null);
            }
        }
        return new ToolResult(Tool.CONFORMANCE, true, false, null, null, seconds(start), run,
                "every one of the " + run + " deterministic tests passed");
    }

    /** The test methods (a parameterized test counts once), in the order the launcher runs them. */
    private static void collectMethods(TestPlan plan, TestIdentifier node, List<TestIdentifier> methods) {
        if (node.getSource().filter(MethodSource.class::isInstance).isPresent()) {
            methods.add(node);
            return;
        }
        plan.getChildren(node).forEach(child -> collectMethods(plan, child, methods));
    }

    private static String testName(TestIdentifier method) {
        MethodSource source = (MethodSource) method.getSource().orElseThrow();
        String type = source.getClassName().substring(source.getClassName().lastIndexOf('.') + 1).replace('$', '.');
        return type + "#" + source.getMethodName();
    }

    /** Keeps the first failure of a run: a failed test, or a failed container (the class could not start). */
    private static final class FirstFailure implements TestExecutionListener {
        Throwable throwable;
        String invocation = "";

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (throwable == null && result.getStatus() == TestExecutionResult.Status.FAILED) {
                throwable = result.getThrowable().orElse(new AssertionError("failed without an exception"));
                if (identifier.getSource().isEmpty() || identifier.getDisplayName().startsWith("[")) {
                    invocation = " " + identifier.getDisplayName();
                }
            }
        }
    }

    // ---------------------------------------------------------------- Lincheck

    private ToolResult lincheck(Part part, Path dir) throws IOException {
        if (part.lincheck().isEmpty()) {
            return ToolResult.skipped(Tool.LINCHECK, "not run: the battery has no Lincheck test for " + part.factory());
        }
        long start = System.nanoTime();
        int run = 0;
        List<String> passed = new ArrayList<>();
        for (Class<?> test : part.lincheck()) {
            run++;
            long classStart = System.nanoTime();
            try {
                modelCheck(test);
                passed.add(test.getSimpleName() + " passed in " + format(seconds(classStart)) + " s");
            } catch (Throwable failure) {
                String name = test.getSimpleName() + " (model checking)";
                Files.writeString(dir.resolve("lincheck.txt"), name + "\n\n" + trace(failure), StandardCharsets.UTF_8);
                return new ToolResult(Tool.LINCHECK, true, true, summary(failure), name, seconds(start), run,
                        passed.isEmpty() ? null : String.join("; ", passed));
            }
        }
        return new ToolResult(Tool.LINCHECK, true, false, null, null, seconds(start), run,
                "every scenario explored was linearizable: " + String.join("; ", passed));
    }

    /**
     * Model checking of a Lincheck test class: its own {@code configure} (specification and
     * hand-written scenarios) on the kill matrix's random budget.
     */
    private static void modelCheck(Class<?> test) throws Throwable {
        Object instance;
        Method configure;
        try {
            instance = test.getConstructor().newInstance();
            configure = LinearizabilityTest.class.getDeclaredMethod("configure", Options.class);
            configure.setAccessible(true);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        ModelCheckingOptions budget = LincheckRun.modelChecking()
                .iterations(LINCHECK_ITERATIONS)
                .invocationsPerIteration(LINCHECK_INVOCATIONS);
        Options<?, ?> options;
        try {
            options = (Options<?, ?>) configure.invoke(instance, budget);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        options.check(test);
    }

    // ---------------------------------------------------------------- jcstress

    private static ToolResult jcstress(Class<? extends BrokenPrimitives> variant, Part part, Path dir)
            throws IOException {
        Path results = dir.resolve("jcstress-results").toAbsolutePath();
        Path reports = dir.resolve("jcstress-reports").toAbsolutePath();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dinterleave.primitives=" + variant.getName(),
                "-Djcstress.mode=quick",
                "-Djcstress.args=" + JCSTRESS_ARGS,
                "-Djcstress.filter=" + part.jcstressFilter(),
                "-Djcstress.resultsDirectory=" + results,
                "-Djcstress.reportsDirectory=" + reports,
                "-cp", classPath(),
                "dev.interleave.stress.jcstress.gate.JcstressGate");
        Path output = dir.resolve("jcstress.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(JCSTRESS_BOUND_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new ToolResult(Tool.JCSTRESS, true, false, null, null, seconds(start), 0,
                        "the jcstress run did not finish within " + JCSTRESS_BOUND_SECONDS + " s and was killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while jcstress ran", e);
        }
        List<String[]> forbidden = forbiddenOutcomes(reports.resolve("TEST-dev.interleave.stress.jcstress.xml"));
        int tests = forbidden.isEmpty() ? 0 : Integer.parseInt(forbidden.get(0)[2]);
        List<String[]> failures = forbidden.stream().filter(f -> f[0] != null).toList();
        if (failures.isEmpty()) {
            return new ToolResult(Tool.JCSTRESS, true, false, null, null, seconds(start), tests,
                    "no FORBIDDEN outcome in this run (exit code " + process.exitValue()
                            + "); jcstress's evidence is one-sided: not seeing it proves nothing");
        }
        return new ToolResult(Tool.JCSTRESS, true, true, failures.get(0)[1], failures.get(0)[0], seconds(start),
                tests, failures.size() + " test(s) with a FORBIDDEN outcome");
    }

    /**
     * The FORBIDDEN failures in the gate's JUnit report: {test, message, tests in the report};
     * a first entry with a null test when there are none (to carry the count).
     */
    private static List<String[]> forbiddenOutcomes(Path report) throws IOException {
        List<String[]> found = new ArrayList<>();
        if (!Files.exists(report)) {
            return found;
        }
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
            NodeList cases = xml.getElementsByTagName("testcase");
            String count = String.valueOf(cases.getLength());
            found.add(new String[] {null, null, count});
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                NodeList failures = testcase.getElementsByTagName("failure");
                if (failures.getLength() > 0) {
                    Element failure = (Element) failures.item(0);
                    if ("jcstress.FORBIDDEN".equals(failure.getAttribute("type"))) {
                        found.add(new String[] {testcase.getAttribute("name"), failure.getAttribute("message"), count});
                    }
                }
            }
        } catch (Exception e) {
            throw new IOException("cannot read the jcstress report " + report + ": " + e, e);
        }
        return found;
    }

    /** The class path of this JVM, for a child JVM (Surefire may hide it behind a manifest-only jar). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    // ---------------------------------------------------------------- helpers

    /** The first lines of a failure's message, without a thread dump. */
    static String summary(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        int dump = message.indexOf("Thread dump (");
        if (dump > 0) {
            message = message.substring(0, dump);
        }
        String[] lines = message.strip().split("\n");
        StringBuilder kept = new StringBuilder(failure.getClass().getSimpleName()).append(": ");
        int count = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (count++ == 6) {
                kept.append(" ...");
                break;
            }
            kept.append(count > 1 ? " | " : "").append(line.strip());
        }
        String text = kept.toString();
        return text.length() > 600 ? text.substring(0, 600) + " ..." : text;
    }

    private static String trace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }

    static String format(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}
