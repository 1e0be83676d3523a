package dev.interleave.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.scenarios.record.Recording;
import java.util.List;

/**
 * The common model of a report: everything every tool left, in one shape. Written as
 * {@code report.json}, rendered as {@code index.html} and {@code summary.md}.
 *
 * @param generated when the report was made (ISO-8601)
 * @param implementation the implementation under test, as the tools named it
 * @param verdict {@code PASSED}, {@code FAILED}, or {@code EMPTY} when no tool left anything to read
 * @param failures every real violation, most telling first: each with its interleaving when one is known
 * @param primitives the overview: per primitive, what each tool found
 * @param scenarios the lecture's scenarios, one entry per variant
 * @param tools per tool: whether it ran, how many checks, how long, and where its raw evidence is
 * @param jcstress every jcstress test with its outcome histogram
 * @param lincheck every Lincheck check, with the trace of a failing one
 * @param vmlens every vmlens scenario
 * @param killMatrix the kill matrix as the stress module wrote it, or null
 * @param benchmarks the benchmark ratio table (Markdown), or null when no benchmark ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        String generated,
        String implementation,
        String verdict,
        List<Failure> failures,
        List<PrimitiveRow> primitives,
        List<Recording> scenarios,
        List<Tool> tools,
        List<JcstressTest> jcstress,
        List<Check> lincheck,
        List<Check> vmlens,
        JsonNode killMatrix,
        String benchmarks) {

    /**
     * A real violation.
     *
     * @param tool the tool that saw it
     * @param test the test, as the tool names it
     * @param primitive the primitive (or scenario) it concerns
     * @param message what went wrong, in a few lines
     * @param threads the interleaving's columns, when one is known
     * @param stateLabel the shared state column of the interleaving, or null
     * @param steps the interleaving, or an empty list
     * @param evidence the raw evidence (a path relative to the report), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failure(String tool, String test, String primitive, String message, List<String> threads,
            String stateLabel, List<Recording.Step> steps, String evidence) {}

    /**
     * One line of the overview.
     *
     * @param primitive {@code Lock}, {@code FairLock}, {@code Queue (FIFO)}, ...
     * @param verdict {@code passed}, {@code FAILED} or {@code not run}
     * @param cells per tool: what it found for this primitive ("41 passed", "1 FAILED", "—")
     * @param seconds how long the tools spent on it
     */
    public record PrimitiveRow(String primitive, String verdict, List<String> cells, double seconds) {}

    /**
     * What a tool did.
     *
     * @param name the tool
     * @param status {@code ran}, {@code FAILED}, or {@code produced nothing}
     * @param checks how many checks it ran
     * @param failed how many failed
     * @param seconds how long it ran
     * @param note a sentence: what it looked at, or why it produced nothing
     * @param evidence the tool's own report (a path relative to the report), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tool(String name, String status, int checks, int failed, double seconds, String note,
            String evidence) {}

    /**
     * One jcstress test.
     *
     * @param name the test's simple name
     * @param primitive what it tests
     * @param verdict {@code passed}, {@code FAILED}, {@code error} or {@code not run}
     * @param description what the test checks
     * @param outcomes the histogram
     * @param message jcstress's verdict when not passed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JcstressTest(String name, String primitive, String verdict, String description,
            List<Outcome> outcomes, String message) {}

    /**
     * One bar of a jcstress histogram.
     *
     * @param result the observed result
     * @param samples how often
     * @param expect ACCEPTABLE, ACCEPTABLE_INTERESTING or FORBIDDEN
     * @param description what it means
     */
    public record Outcome(String result, long samples, String expect, String description) {}

    /**
     * One check of Lincheck or vmlens.
     *
     * @param name the check
     * @param primitive what it tests
     * @param verdict {@code passed} or {@code FAILED}
     * @param seconds how long it ran
     * @param message the failure, or a note
     * @param trace the tool's own trace text file (relative to the report), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(String name, String primitive, String verdict, double seconds, String message,
            String trace) {}
}
