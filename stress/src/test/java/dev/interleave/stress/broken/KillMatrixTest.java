package dev.interleave.stress.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.interleave.stress.broken.KillMatrix.ToolResult;
import dev.interleave.stress.broken.KillMatrix.VariantResult;
import dev.interleave.stress.broken.fixed.FixedPrimitives;
import dev.interleave.stress.harness.Delays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The harness proves itself: every broken variant of the catalog ({@link Catalog}) is run
 * against the part of the battery that tests its primitive ({@link KillMatrix}), and the build
 * fails, naming them, if any variant survives.
 *
 * <p>Writes {@code target/interleave/kill-matrix.json} (or {@code -Dinterleave.killMatrix.output}):
 * one row per variant and tool (caught or not, how: the first failing test and the first lines of
 * its message, seconds to catch, deterministic or probabilistic), one entry per variant with its
 * declared defect and verdict, and a summary (the share caught, the median seconds to catch).
 * The full evidence of each catch, and everything the tools printed, is kept under
 * {@code target/interleave/kill-matrix/<variant>/}.
 *
 * <p>A variant whose bug is a missing happens-before edge ({@link DefectKind#VISIBILITY}) can be
 * seen only by jcstress, by chance; if this run did not see it, and no deterministic tool caught
 * it either, the matrix says "not seen in this run" and the build does not fail on it: jcstress's
 * evidence is one-sided. Every other variant must be caught by a deterministic tool.
 *
 * <p>Runs only with {@code -Dinterleave.killMatrix=true}: the build's {@code kill-matrix}
 * execution sets it, and shortens the harness's bounds ({@code interleave.timeFactor}) so that a
 * hang is called after a few seconds. {@code -Dinterleave.killMatrix.everyTool=true} runs every
 * tool on every variant instead of stopping at the first deterministic catch;
 * {@code -Dinterleave.killMatrix.only=<regex>} runs only the variants whose simple name matches.
 */
@EnabledIfSystemProperty(named = KillMatrixTest.RUN_PROPERTY, matches = "true")
class KillMatrixTest {
    static final String RUN_PROPERTY = "interleave.killMatrix";

    @Test
    void everyBrokenVariantIsCaught() throws Exception {
        Path output = Path.of(System.getProperty("interleave.killMatrix.output", "target/interleave/kill-matrix.json"));
        boolean everyTool = Boolean.getBoolean("interleave.killMatrix.everyTool");
        Path evidence = output.resolveSibling("kill-matrix");
        KillMatrix matrix = new KillMatrix(evidence, everyTool);
        long start = System.nanoTime();
        Files.createDirectories(evidence);
        KillMatrix.Control control = matrix.control(FixedPrimitives.class);
        System.out.println("Control: " + control.implementation() + ", " + control.tests() + " tests, "
                + control.failures().size() + " failed, " + KillMatrix.format(control.seconds()) + " s");
        List<VariantResult> results = new ArrayList<>();
        String only = System.getProperty("interleave.killMatrix.only", "");
        for (Class<? extends BrokenPrimitives> variant : Catalog.variants()) {
            if (!only.isBlank() && !variant.getSimpleName().matches(only)) {
                continue;
            }
            VariantResult result = matrix.run(variant);
            results.add(result);
            System.out.println(line(result));
        }
        double total = KillMatrix.seconds(start);
        Map<String, Object> report = report(results, total, everyTool);
        Map<String, Object> controlReport = new LinkedHashMap<>();
        controlReport.put("implementation", control.implementation());
        controlReport.put("what", "the fixed versions that the variants break, through every deterministic conformance test: "
                + "all must pass, or a catch could be the fixed version's fault");
        controlReport.put("tests", control.tests());
        controlReport.put("failures", control.failures());
        controlReport.put("seconds", control.seconds());
        report.put("control", controlReport);
        Files.createDirectories(output.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), report);
        System.out.println("Kill matrix: " + report.get("summary") + "\n  written to " + output.toAbsolutePath());

        List<String> survivors = results.stream().filter(r -> r.verdict().equals("survived"))
                .map(r -> r.variant().getSimpleName()).toList();
        assertEquals(List.of(), control.failures(), "the fixed versions of the variants fail the battery");
        assertEquals(List.of(), survivors, "broken variants that the battery did not catch");
        assertTrue(!only.isBlank() || results.size() >= 25, "the catalog has only " + results.size() + " variants");
    }

    private static String line(VariantResult result) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-45s %-26s", result.variant().getSimpleName(),
                result.verdict()));
        for (ToolResult tool : result.tools()) {
            line.append(String.format(Locale.ROOT, "  %s: %s", tool.tool().label,
                    !tool.ran() ? "-" : tool.caught() ? "caught in " + KillMatrix.format(tool.seconds()) + " s by "
                            + tool.test() : "not caught (" + KillMatrix.format(tool.seconds()) + " s)"));
        }
        return line.toString();
    }

    private static Map<String, Object> report(List<VariantResult> results, double total, boolean everyTool) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generated", Instant.now().toString());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("timeFactor", Delays.TIME_FACTOR);
        settings.put("hangBoundMs", Delays.LONG_DELAY_MS);
        settings.put("conformance", "every test but those tagged 'stress', one method at a time, stopping at the first failure");
        settings.put("lincheck", "model checking: the test's hand-written scenarios, then " + KillMatrix.LINCHECK_ITERATIONS
                + " random scenarios, " + KillMatrix.LINCHECK_INVOCATIONS + " interleavings each");
        settings.put("jcstress", "the gate, in a child JVM, for visibility bugs only: the primitive's termination test, "
                + KillMatrix.JCSTRESS_ARGS);
        settings.put("stopsAtFirstDeterministicCatch", !everyTool);
        report.put("settings", settings);

        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> variants = new ArrayList<>();
        for (VariantResult result : results) {
            Defect defect = result.defect();
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("variant", result.variant().getSimpleName());
            variant.put("class", result.variant().getName());
            variant.put("primitive", defect.primitive().factory());
            variant.put("kind", defect.kind().words());
            variant.put("what", defect.what());
            variant.put("exposedBy", defect.exposedBy());
            variant.put("verdict", result.verdict());
            variant.put("caughtBy", result.catcher().map(t -> t.tool().label).orElse(null));
            variant.put("how", result.catcher().map(ToolResult::how).orElse(null));
            variant.put("test", result.catcher().map(ToolResult::test).orElse(null));
            variant.put("determinism", result.caughtDeterministically() ? "deterministic"
                    : result.catcher().isPresent() ? "probabilistic" : null);
            variant.put("secondsToCatch", Double.isNaN(result.secondsToCatch()) ? null : result.secondsToCatch());
            variant.put("seconds", result.seconds());
            variants.add(variant);
            for (ToolResult tool : result.tools()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("variant", result.variant().getSimpleName());
                row.put("tool", tool.tool().label);
                row.put("ran", tool.ran());
                row.put("caught", tool.ran() ? tool.caught() : null);
                row.put("determinism", tool.tool().deterministic ? "deterministic" : "probabilistic");
                row.put("how", tool.how());
                row.put("test", tool.test());
                row.put("seconds", tool.ran() ? tool.seconds() : null);
                row.put("checksRun", tool.ran() ? tool.checks() : null);
                row.put("note", tool.note());
                rows.add(row);
            }
        }
        report.put("summary", summary(results, total));
        report.put("variants", variants);
        report.put("matrix", rows);
        return report;
    }

    private static Map<String, Object> summary(List<VariantResult> results, double total) {
        long caught = results.stream().filter(r -> r.catcher().isPresent()).count();
        long deterministic = results.stream().filter(VariantResult::caughtDeterministically).count();
        List<Double> times = results.stream().filter(r -> r.catcher().isPresent())
                .map(VariantResult::secondsToCatch).sorted().toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("variants", results.size());
        summary.put("caught", caught);
        summary.put("caughtPercent", results.isEmpty() ? 0 : Math.round(1000.0 * caught / results.size()) / 10.0);
        summary.put("caughtDeterministically", deterministic);
        summary.put("caughtOnlyProbabilistically", caught - deterministic);
        summary.put("notSeenInThisRun", results.stream().filter(r -> r.verdict().equals("not-seen-in-this-run"))
                .map(r -> r.variant().getSimpleName()).toList());
        summary.put("survivors", results.stream().filter(r -> r.verdict().equals("survived"))
                .map(r -> r.variant().getSimpleName()).toList());
        summary.put("medianSecondsToCatch", median(times));
        summary.put("maxSecondsToCatch", times.isEmpty() ? null : times.get(times.size() - 1));
        Map<String, Long> byTool = new LinkedHashMap<>();
        for (KillMatrix.Tool tool : KillMatrix.Tool.values()) {
            byTool.put(tool.label, results.stream().filter(r -> r.catcher().map(t -> t.tool() == tool).orElse(false))
                    .count());
        }
        summary.put("caughtFirstBy", byTool);
        summary.put("seenByJcstress", results.stream()
                .filter(r -> r.tools().stream().anyMatch(t -> t.tool() == KillMatrix.Tool.JCSTRESS && t.caught()))
                .map(r -> r.variant().getSimpleName()).toList());
        summary.put("totalSeconds", total);
        return summary;
    }

    private static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return Math.round(median * 100) / 100.0;
    }
}
