package dev.interleave.stress.vmlens.gate;

import dev.interleave.stress.verdict.Deferral;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the outcome of the build's vmlens step, which the vmlens plugin (1.2.17) does not
 * always report: when the agent recorded no finished exploration (for instance after a scenario
 * hung), the plugin prints "No VMLens tests run.", passes even though a test failed, and leaves
 * the previous run's report in place.
 *
 * <p>Reading only what this run of the step wrote (files newer than the agent the step installs
 * at its start), the gate fails when:
 * <ol>
 *   <li>the step did not run, or ran no scenario;
 *   <li>a scenario failed, erred, or was skipped (under the agent nothing may be skipped);
 *   <li>the vmlens report is missing or older than the run, or misses a scenario the tests
 *       explored;
 *   <li>the report finds a data race in a scenario, or marks one "Failure" although it was not
 *       stopped by its time budget.
 * </ol>
 * It prints one line per scenario: its name (which names the implementation under test), the
 * number of interleavings and vmlens's result.
 *
 * <p>Usage: {@code VmlensGate <target directory> [skip]}; with {@code skip} = {@code true}
 * (the build passes {@code maven.test.skip}) it does nothing. Exit code 0 when the step passed,
 * 1 otherwise.
 */
public final class VmlensGate {
    private static final String TAG = "[vmlens] ";
    private static final Pattern EXPLORED = Pattern.compile(
            "vmlens explored (\\d+) interleaving\\(s\\)( \\(stopped by the time budget[^)]*\\))?.*? of (.+) in [0-9.]+ s");
    private static final Pattern ROW = Pattern.compile(
            "<tr>\\s*<td>\\d+</td>\\s*<td><a href=\"[^\"]*\">(.*?)</a></td>\\s*<td>(\\d+)</td>\\s*<td>(.*?)</td>\\s*</tr>",
            Pattern.DOTALL);

    private final Path target;
    private final PrintStream out;
    private final List<String> problems = new ArrayList<>();

    VmlensGate(Path target, PrintStream out) {
        this.target = target;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.out.println(TAG + "usage: VmlensGate <target directory> [skip]");
            System.exit(1);
        }
        if (args.length > 1 && Boolean.parseBoolean(args[1])) {
            System.out.println(TAG + "skipped");
            return;
        }
        VmlensGate gate = new VmlensGate(Path.of(args[0]), System.out);
        boolean passed = gate.check();
        System.exit(Deferral.exitCode(passed, Path.of(args[0]), "vmlens", gate.problems.stream().map(p -> "vmlens: " + p).toList()));
    }

    /** True when the vmlens step passed; prints the verdict either way. */
    boolean check() throws Exception {
        Path agent = target.resolve("vmlens-agent/agent.jar");
        if (!Files.exists(agent)) {
            problems.add("the vmlens step did not run: " + agent + " is missing");
            return fail(problems.get(0));
        }
        FileTime start = Files.getLastModifiedTime(agent);
        List<Path> reports = reportsSince(target.resolve("surefire-reports"), start);
        if (reports.isEmpty()) {
            problems.add("the vmlens step ran no test class (no surefire-reports/TEST-*-vmlens.xml of this run)");
            return fail(problems.get(0));
        }
        Map<String, Boolean> explored = new LinkedHashMap<>();
        int tests = 0;
        for (Path report : reports) {
            tests += readTestReport(report, explored);
        }
        if (tests == 0 || explored.isEmpty()) {
            problems.add("the vmlens step explored no scenario");
        }
        checkHtmlReport(target.resolve("vmlens-report/index.html"), start, explored);
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println(TAG + "FAILED: " + p));
            out.println(TAG + "report: " + target.resolve("vmlens-report/index.html"));
            return false;
        }
        out.println(TAG + "passed: " + explored.size() + " scenario(s), report: "
                + target.resolve("vmlens-report/index.html"));
        return true;
    }

    private boolean fail(String problem) {
        out.println(TAG + "FAILED: " + problem);
        return false;
    }

    private static List<Path> reportsSince(Path directory, FileTime start) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("TEST-.*-vmlens\\.xml"))
                    .filter(f -> modifiedSince(f, start))
                    .sorted()
                    .toList();
        }
    }

    private static boolean modifiedSince(Path file, FileTime start) {
        try {
            return Files.getLastModifiedTime(file).compareTo(start) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Notes the failures of one Surefire XML report and the explorations its output announces
     * (name to whether the time budget stopped it).
     *
     * @return the number of test cases in it
     */
    private int readTestReport(Path report, Map<String, Boolean> explored) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            String name = testCase.getAttribute("classname") + "." + testCase.getAttribute("name");
            for (String verdict : List.of("failure", "error", "skipped")) {
                NodeList found = testCase.getElementsByTagName(verdict);
                if (found.getLength() > 0) {
                    String message = ((Element) found.item(0)).getAttribute("message");
                    problems.add(name + ": " + verdict + (message.isBlank() ? "" : ": " + firstLine(message)));
                }
            }
        }
        NodeList outputs = suite.getElementsByTagName("system-out");
        for (int i = 0; i < outputs.getLength(); i++) {
            Matcher m = EXPLORED.matcher(outputs.item(i).getTextContent());
            while (m.find()) {
                explored.put(m.group(3), m.group(2) != null);
            }
        }
        return cases.getLength();
    }

    private void checkHtmlReport(Path index, FileTime start, Map<String, Boolean> explored) throws IOException {
        if (!Files.exists(index) || !modifiedSince(index, start)) {
            problems.add("vmlens wrote no report in this run (" + index + " is missing or older than the run)");
            return;
        }
        Map<String, String[]> rows = rows(Files.readString(index, StandardCharsets.UTF_8));
        for (Map.Entry<String, Boolean> scenario : explored.entrySet()) {
            String[] row = rows.get(scenario.getKey());
            if (row == null) {
                problems.add("the vmlens report has no row for " + scenario.getKey());
                continue;
            }
            out.println(TAG + scenario.getKey() + ": " + row[0] + " interleaving(s), " + row[1]);
            if (row[1].contains("Data race")) {
                problems.add(scenario.getKey() + ": vmlens found a data race (see the report)");
            } else if (row[1].contains("Failure") && !scenario.getValue()) {
                problems.add(scenario.getKey() + ": vmlens marks a run as failed (see the report)");
            }
        }
    }

    /**
     * The rows of vmlens's {@code index.html}: per scenario name, the number of interleavings
     * and vmlens's result, as plain text.
     */
    public static Map<String, String[]> rows(String indexHtml) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(indexHtml);
        while (m.find()) {
            rows.put(unescape(m.group(1)).trim(), new String[] {m.group(2), plain(m.group(3))});
        }
        return rows;
    }

    private static String plain(String html) {
        return unescape(html.replaceAll("<[^>]+>", "")).replaceAll("\\s+", " ").trim();
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
