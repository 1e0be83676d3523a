package dev.interleave.reports.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.reports.model.Report;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.scenarios.record.Recordings;
import dev.interleave.stress.vmlens.gate.VmlensGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gathers what every tool left under a project's folder (after {@code mvn verify}) into one
 * {@link Report}. A tool that left nothing is named in the report as having produced nothing;
 * nothing missing stops the report.
 *
 * <p>Where it looks, relative to the project's folder:
 * <ul>
 *   <li>{@code <module>/target/surefire-reports/TEST-*.xml}: the conformance suite (three runs),
 *       Lincheck, the vmlens step, the kill matrix, the scenarios, unit and architecture tests;
 *   <li>{@code stress/target/jcstress-reports/TEST-*.xml} and {@code stress/target/jcstress-results}:
 *       jcstress's verdicts with their histograms, and its HTML;
 *   <li>{@code stress/target/interleave/lincheck/*.txt}: Lincheck's failure traces;
 *   <li>{@code stress/target/vmlens-report/index.html}: vmlens's report;
 *   <li>{@code stress/target/interleave/kill-matrix.json}: the kill matrix;
 *   <li>{@code scenarios/target/interleave/scenarios/*.json}: the scenarios' recordings;
 *   <li>{@code stress/target/benchmarks/ratios.md}: the benchmarks, when they were run.
 * </ul>
 */
public final class Collector {
    static final List<String> MODULES = List.of("primitives", "stress", "scenarios", "reports");
    static final List<String> TOOLS = List.of("Conformance suite", "Lincheck", "jcstress", "vmlens", "Kill matrix");
    private static final Pattern OUTCOME = Pattern.compile(
            "^\\s{2}(\\S.*?)\\s{2,}([\\d,]+)\\s+[\\d.]+%\\s+(ACCEPTABLE_INTERESTING|ACCEPTABLE|FORBIDDEN|UNKNOWN)\\s+(.*)$");

    private final Path root;
    private final Evidence evidence;

    /**
     * @param root the project's folder
     * @param evidence where raw evidence is copied to, beside the report
     */
    public Collector(Path root, Evidence evidence) {
        this.root = root;
        this.evidence = evidence;
    }

    /** Copies a tool's raw evidence beside the report; answers the link to it. */
    public interface Evidence {
        /** Copies {@code source} (a file or folder) to {@code raw/<name>}; returns the relative link, or null. */
        String copy(Path source, String name);
    }

    public Report collect(String generated) throws Exception {
        List<TestCase> cases = new ArrayList<>();
        for (String module : MODULES) {
            for (Path report : thisBuild(module, JUnitXml.reports(root.resolve(module).resolve("target/surefire-reports")))) {
                cases.addAll(JUnitXml.read(report, module, run(report)));
            }
        }
        List<Report.JcstressTest> jcstress = jcstress();
        List<Report.Check> lincheck = lincheck(cases);
        List<Report.Check> vmlens = vmlens(cases);
        List<Recording> scenarios = scenarios();
        JsonNode killMatrix = killMatrix();
        List<Report.Failure> failures = failures(cases, jcstress, scenarios, killMatrix);
        for (Report.Failure gate : gateFailures()) {
            boolean known = gate.tool().equals("jcstress") && failures.stream().anyMatch(f -> f.tool().equals("jcstress"));
            if (!known) {
                failures.add(gate);
            }
        }
        String implementation = implementation(cases, scenarios);
        List<Report.Tool> tools = tools(cases, jcstress, lincheck, vmlens, scenarios, killMatrix);
        Path ratios = root.resolve("stress/target/benchmarks/ratios.md");
        String benchmarks = Files.exists(ratios) ? Files.readString(ratios, StandardCharsets.UTF_8) : null;
        boolean nothing = cases.isEmpty() && jcstress.isEmpty() && scenarios.isEmpty() && killMatrix == null;
        String verdict = !failures.isEmpty() ? "FAILED" : nothing ? "EMPTY" : "PASSED";
        return new Report(generated, implementation, verdict, failures,
                primitives(cases, jcstress, killMatrix), scenarios, tools, jcstress, lincheck, vmlens, killMatrix,
                benchmarks);
    }

    /**
     * The reports written since {@code module}'s build started (its
     * {@code target/interleave/verdicts/build-started}), so that an older build's reports left in
     * place are not read as this one's; all of them when the module has no such note.
     */
    private List<Path> thisBuild(String module, List<Path> reports) throws IOException {
        Path started = root.resolve(module).resolve("target/interleave/verdicts/build-started");
        if (!Files.exists(started)) {
            return reports;
        }
        var since = Files.getLastModifiedTime(started);
        List<Path> recent = new ArrayList<>();
        for (Path report : reports) {
            if (Files.getLastModifiedTime(report).compareTo(since) >= 0) {
                recent.add(report);
            }
        }
        return recent;
    }

    /** The failures the tool gates left for the end of the build ({@code target/interleave/verdicts/*.failed}). */
    private List<Report.Failure> gateFailures() throws IOException {
        List<Report.Failure> failures = new ArrayList<>();
        for (String module : MODULES) {
            Path dir = root.resolve(module).resolve("target/interleave/verdicts");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".failed")).sorted().toList()) {
                    String gate = f.getFileName().toString().replace(".failed", "");
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) {
                            failures.add(new Report.Failure(gate, gate + " gate", null, line.strip(), List.of(), null,
                                    List.of(), null));
                        }
                    }
                }
            }
        }
        return failures;
    }

    private static String run(Path report) {
        String name = report.getFileName().toString().replaceFirst("^TEST-", "").replaceFirst("\\.xml$", "");
        int dash = name.lastIndexOf('-');
        return dash < 0 ? "" : name.substring(dash + 1);
    }

    /** Which tool a Surefire test case belongs to. */
    static String tool(TestCase c) {
        // Surefire names a suffixed run's suite "<class>(<suffix>)".
        String suite = c.suite().replaceFirst("\\([^)]*\\)$", "");
        if (suite.startsWith("dev.interleave.stress.vmlens.") && c.run().equals("vmlens")) {
            return "vmlens";
        }
        if (suite.endsWith("ConformanceSuiteTest")) {
            return switch (c.run()) {
                case "" -> "Conformance suite";
                case "MonitorPrimitives" -> "Conformance suite (monitor-based implementation)";
                case "SpuriousWakeups" -> "Conformance suite (spurious wake-ups injected)";
                default -> "Conformance suite (" + c.run() + ")";
            };
        }
        if (suite.endsWith("LincheckSuiteTest")) {
            return c.run().isEmpty() ? "Lincheck" : "Lincheck (" + c.run() + ")";
        }
        if (suite.endsWith("VmlensSuiteTest")) {
            return c.run().equals("vmlens") ? "vmlens" : "vmlens (outside the agent)";
        }
        if (suite.endsWith("KillMatrixTest")) {
            return "Kill matrix";
        }
        if (suite.endsWith("ScenarioSuiteTest")) {
            return c.run().isEmpty() ? "Scenarios" : "Scenarios (monitor-based implementation)";
        }
        return "Unit and architecture tests";
    }

    private List<Report.JcstressTest> jcstress() throws Exception {
        List<Report.JcstressTest> tests = new ArrayList<>();
        String html = evidence.copy(root.resolve("stress/target/jcstress-results"), "jcstress");
        for (Path report : thisBuild("stress", JUnitXml.reports(root.resolve("stress/target/jcstress-reports")))) {
            for (TestCase c : JUnitXml.read(report, "stress", "jcstress")) {
                List<Report.Outcome> outcomes = new ArrayList<>();
                String description = null;
                if (c.output() != null) {
                    for (String line : c.output().split("\\R")) {
                        Matcher m = OUTCOME.matcher(line);
                        if (m.matches()) {
                            outcomes.add(new Report.Outcome(m.group(1).trim(), Long.parseLong(m.group(2).replace(",", "")),
                                    m.group(3), m.group(4).trim()));
                        } else if (description == null && !line.isBlank()) {
                            description = line.trim();
                        }
                    }
                }
                String verdict = switch (c.status()) {
                    case "passed" -> "passed";
                    case "failed" -> "FAILED";
                    case "skipped" -> "not run";
                    default -> "error";
                };
                String page = html == null ? null : html + "/" + c.className() + ".html";
                tests.add(new Report.JcstressTest(c.name(), PrimitiveNames.of(c.name()), verdict, description, outcomes,
                        c.message() == null ? page : c.message()));
            }
        }
        return tests;
    }

    private List<Report.Check> lincheck(List<TestCase> cases) throws IOException {
        Path traces = root.resolve("stress/target/interleave/lincheck");
        String copied = Files.isDirectory(traces) ? evidence.copy(traces, "lincheck") : null;
        List<Report.Check> checks = new ArrayList<>();
        for (TestCase c : cases) {
            if (!tool(c).equals("Lincheck")) {
                continue;
            }
            String simple = c.className().substring(c.className().lastIndexOf('.') + 1);
            String trace = null;
            if (copied != null) {
                Path file = traces.resolve(c.className() + "." + c.name() + ".txt");
                Path simpleFile = traces.resolve(simple + "." + c.name() + ".txt");
                if (Files.exists(file)) {
                    trace = copied + "/" + file.getFileName();
                } else if (Files.exists(simpleFile)) {
                    trace = copied + "/" + simpleFile.getFileName();
                }
            }
            checks.add(new Report.Check(simple + " — " + c.name(), PrimitiveNames.of(simple),
                    c.failed() ? "FAILED" : c.status(), c.seconds(), firstLines(c.message(), 3), trace));
        }
        return checks;
    }

    private List<Report.Check> vmlens(List<TestCase> cases) throws IOException {
        Path index = root.resolve("stress/target/vmlens-report/index.html");
        String copied = Files.exists(index) ? evidence.copy(index.getParent(), "vmlens") : null;
        Map<String, String[]> rows = Files.exists(index)
                ? VmlensGate.rows(Files.readString(index, StandardCharsets.UTF_8)) : Map.of();
        List<Report.Check> checks = new ArrayList<>();
        for (TestCase c : cases) {
            if (!tool(c).equals("vmlens")) {
                continue;
            }
            checks.add(new Report.Check(c.className() + " — " + c.name(), PrimitiveNames.of(c.className() + c.name()),
                    c.failed() ? "FAILED" : c.status(), c.seconds(), firstLines(c.message(), 3),
                    copied == null ? null : copied + "/index.html"));
        }
        rows.forEach((name, row) -> checks.add(new Report.Check(name, PrimitiveNames.of(name),
                row[1].contains("Data race") || row[1].contains("Failure") ? "FAILED" : "passed", 0,
                row[0] + " interleaving(s): " + row[1], copied == null ? null : copied + "/index.html")));
        return checks;
    }

    private List<Recording> scenarios() throws IOException {
        Path folder = root.resolve("scenarios/target/interleave/scenarios");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(Recordings::read)
                    .sorted(Comparator.comparing((Recording r) -> caseNumber(r.title())).thenComparing(Recording::title)
                            .thenComparing(r -> r.expectation().ordinal()).thenComparing(Recording::variant))
                    .toList();
        }
    }

    private static int caseNumber(String title) {
        Matcher m = Pattern.compile("^(\\d+)").matcher(title == null ? "" : title);
        return m.find() ? Integer.parseInt(m.group(1)) : 99;
    }

    private JsonNode killMatrix() throws IOException {
        Path file = root.resolve("stress/target/interleave/kill-matrix.json");
        if (!Files.exists(file)) {
            return null;
        }
        evidence.copy(root.resolve("stress/target/interleave/kill-matrix"), "kill-matrix");
        return new ObjectMapper().readTree(file.toFile());
    }

    private List<Report.Failure> failures(List<TestCase> cases, List<Report.JcstressTest> jcstress,
            List<Recording> scenarios, JsonNode killMatrix) {
        List<Report.Failure> failures = new ArrayList<>();
        for (Recording r : scenarios) {
            if (r.verdict() == Recording.Verdict.FAILED || r.verdict() == Recording.Verdict.FAILURE_NOT_FOUND) {
                failures.add(new Report.Failure("Scenarios", r.title() + " / " + r.variant(), r.title(),
                        r.summary(), r.threads(), r.stateLabel(), r.steps() == null ? List.of() : r.steps(), null));
            }
        }
        for (TestCase c : cases) {
            if (!c.failed()) {
                continue;
            }
            String tool = tool(c);
            if (tool.equals("Scenarios") && failures.stream().anyMatch(f -> f.test().startsWith(c.className() + " / "))) {
                continue;
            }
            String text = c.detail() != null && c.detail().contains("|") ? c.detail() : c.message();
            LincheckTrace.Parsed trace = tool.startsWith("Lincheck") ? LincheckTrace.parse(text) : LincheckTrace.parse(null);
            String primitive = PrimitiveNames.of(c.className());
            String message = !trace.steps().isEmpty() && c.detail() != null ? lincheckHeadline(c.detail())
                    : c.message() != null ? firstLines(c.message(), 8) : firstLines(c.detail(), 8);
            failures.add(new Report.Failure(tool, c.className() + " — " + c.name(),
                    primitive == null ? c.className() : primitive, message, trace.threads(), null, trace.steps(), null));
        }
        for (Report.JcstressTest t : jcstress) {
            if (!t.verdict().equals("passed")) {
                failures.add(new Report.Failure("jcstress", t.name(), t.primitive(), t.message(), List.of(), null,
                        List.of(), null));
            }
        }
        if (killMatrix != null) {
            for (JsonNode survivor : killMatrix.path("summary").path("survivors")) {
                failures.add(new Report.Failure("Kill matrix", survivor.asText(), null,
                        "The broken variant " + survivor.asText() + " survived the battery: the harness has lost its power.",
                        List.of(), null, List.of(), null));
            }
        }
        failures.sort(Comparator.comparing((Report.Failure f) -> f.steps().isEmpty()));
        return failures;
    }

    private static String implementation(List<TestCase> cases, List<Recording> scenarios) {
        for (Recording r : scenarios) {
            if (r.implementation() != null) {
                return r.implementation();
            }
        }
        Pattern named = Pattern.compile("Implementation under test: (\\S+)");
        for (TestCase c : cases) {
            if (c.output() != null && c.run().isEmpty()) {
                Matcher m = named.matcher(c.output());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return "unknown (no tool named it)";
    }

    private List<Report.Tool> tools(List<TestCase> cases, List<Report.JcstressTest> jcstress,
            List<Report.Check> lincheck, List<Report.Check> vmlens, List<Recording> scenarios, JsonNode killMatrix) {
        Map<String, double[]> byTool = new LinkedHashMap<>();
        for (TestCase c : cases) {
            double[] counts = byTool.computeIfAbsent(tool(c), k -> new double[3]);
            counts[0]++;
            counts[1] += c.failed() ? 1 : 0;
            counts[2] += c.seconds();
        }
        List<Report.Tool> tools = new ArrayList<>();
        for (String name : List.of("Conformance suite", "Conformance suite (monitor-based implementation)",
                "Conformance suite (spurious wake-ups injected)", "Lincheck", "vmlens", "Scenarios",
                "Scenarios (monitor-based implementation)", "Kill matrix", "Unit and architecture tests")) {
            double[] counts = byTool.remove(name);
            String evidenceLink = switch (name) {
                case "Lincheck" -> lincheck.stream().map(Report.Check::trace).filter(t -> t != null).findFirst().orElse(null);
                case "vmlens" -> vmlens.stream().map(Report.Check::trace).filter(t -> t != null).findFirst().orElse(null);
                default -> null;
            };
            if (counts == null && name.equals("Scenarios") && !scenarios.isEmpty()) {
                long failed = scenarios.stream().filter(r -> r.verdict() == Recording.Verdict.FAILED
                        || r.verdict() == Recording.Verdict.FAILURE_NOT_FOUND).count();
                tools.add(new Report.Tool(name, failed > 0 ? "FAILED" : "ran", scenarios.size(), (int) failed, 0,
                        note(name, scenarios, killMatrix), null));
            } else if (name.equals("Kill matrix") && killMatrix != null) {
                int survivors = killMatrix.path("summary").path("survivors").size();
                tools.add(new Report.Tool(name, survivors > 0 ? "FAILED" : "ran",
                        killMatrix.path("summary").path("variants").asInt(), survivors,
                        round(killMatrix.path("summary").path("totalSeconds").asDouble()), note(name, scenarios, killMatrix),
                        "raw/kill-matrix/"));
            } else if (counts == null) {
                tools.add(new Report.Tool(name, "produced nothing", 0, 0, 0, nothingNote(name), null));
            } else {
                tools.add(new Report.Tool(name, counts[1] > 0 ? "FAILED" : "ran", (int) counts[0], (int) counts[1],
                        round(counts[2]), note(name, scenarios, killMatrix), evidenceLink));
            }
        }
        byTool.forEach((name, counts) -> tools.add(new Report.Tool(name, counts[1] > 0 ? "FAILED" : "ran",
                (int) counts[0], (int) counts[1], round(counts[2]), null, null)));
        long jcstressFailed = jcstress.stream().filter(t -> !t.verdict().equals("passed")).count();
        tools.add(4, jcstress.isEmpty()
                ? new Report.Tool("jcstress", "produced nothing", 0, 0, 0, nothingNote("jcstress"), null)
                : new Report.Tool("jcstress", jcstressFailed > 0 ? "FAILED" : "ran", jcstress.size(), (int) jcstressFailed,
                        0, "one-sided evidence: a FORBIDDEN outcome seen is a real failure; not seeing one proves nothing",
                        "raw/jcstress/index.html"));
        return tools;
    }

    private static String note(String tool, List<Recording> scenarios, JsonNode killMatrix) {
        if (tool.equals("Kill matrix") && killMatrix != null) {
            JsonNode s = killMatrix.path("summary");
            return s.path("caught").asInt() + " of " + s.path("variants").asInt() + " broken variants caught ("
                    + s.path("caughtDeterministically").asInt() + " deterministically), median "
                    + s.path("medianSecondsToCatch").asDouble() + " s to catch";
        }
        if (tool.equals("Scenarios")) {
            return scenarios.size() + " recorded variant(s)";
        }
        return null;
    }

    private static String nothingNote(String tool) {
        return switch (tool) {
            case "vmlens" -> "no vmlens run in this build (skipped, or -Dvmlens.skip=true)";
            case "jcstress" -> "no jcstress results in this build (skipped, or -Djcstress.skip=true)";
            case "Kill matrix" -> "no kill matrix in this build (skipped, or -Dinterleave.skipKillMatrix=true)";
            default -> "no test report from this tool in this build (skipped, not built, or crashed)";
        };
    }

    private List<Report.PrimitiveRow> primitives(List<TestCase> cases, List<Report.JcstressTest> jcstress,
            JsonNode killMatrix) {
        List<Report.PrimitiveRow> rows = new ArrayList<>();
        for (String p : PrimitiveNames.ALL) {
            int[][] counts = new int[TOOLS.size()][2];
            double seconds = 0;
            for (TestCase c : cases) {
                String tool = tool(c);
                int column = tool.equals("Conformance suite") ? 0 : tool.equals("Lincheck") ? 1
                        : tool.equals("vmlens") ? 3 : -1;
                if (column < 0) {
                    continue;
                }
                String primitive = PrimitiveNames.of(c.className());
                if (!p.equals(primitive)) {
                    continue;
                }
                counts[column][0]++;
                counts[column][1] += c.failed() ? 1 : 0;
                seconds += c.seconds();
            }
            for (Report.JcstressTest t : jcstress) {
                if (p.equals(t.primitive())) {
                    counts[2][0]++;
                    counts[2][1] += t.verdict().equals("passed") ? 0 : 1;
                }
            }
            if (killMatrix != null) {
                for (JsonNode v : killMatrix.path("variants")) {
                    if (p.equals(PrimitiveNames.of(v.path("primitive").asText()))
                            || p.equals(PrimitiveNames.of(v.path("variant").asText()))) {
                        counts[4][0]++;
                        counts[4][1] += v.path("verdict").asText().equals("caught") ? 0 : 1;
                    }
                }
            }
            List<String> cells = new ArrayList<>();
            boolean any = false;
            boolean failed = false;
            for (int t = 0; t < TOOLS.size(); t++) {
                int total = counts[t][0];
                int bad = counts[t][1];
                any |= total > 0;
                failed |= bad > 0;
                if (total == 0) {
                    cells.add("—");
                } else if (t == 4) {
                    cells.add(bad == 0 ? total + " caught" : bad + " SURVIVED of " + total);
                } else {
                    cells.add(bad == 0 ? total + " passed" : bad + " FAILED of " + total);
                }
            }
            rows.add(new Report.PrimitiveRow(PrimitiveNames.display(p), !any ? "not run" : failed ? "FAILED" : "passed",
                    cells, round(seconds)));
        }
        return rows;
    }

    /** Lincheck's verdict and its table of results: the text up to the first "---" note. */
    static String lincheckHeadline(String detail) {
        String text = detail.strip();
        int notes = text.indexOf("\n---");
        return firstLines(notes > 0 ? text.substring(0, notes) : text, 20);
    }

    static String firstLines(String text, int lines) {
        if (text == null) {
            return null;
        }
        String[] all = text.strip().split("\\R");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines, all.length); i++) {
            out.append(i == 0 ? "" : "\n").append(all[i]);
        }
        if (all.length > lines) {
            out.append("\n…");
        }
        return out.toString();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
