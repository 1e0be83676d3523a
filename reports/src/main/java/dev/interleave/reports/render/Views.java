package dev.interleave.reports.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.reports.model.Report;
import dev.interleave.scenarios.record.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the templates print: the report, arranged for reading, with its pictures' geometry. */
public final class Views {
    private Views() {}

    /** A cell of a table. */
    public record Cell(String text, String cls) {}

    /** A row of a table. */
    public record Row(List<Cell> cells) {}

    /** The lecture's table: Time, one column per thread, the shared state. */
    public record Table(List<String> header, List<Row> rows) {}

    /** A key and its value. */
    public record Fact(String key, String value) {}

    /** A failure, with its interleaving drawn. */
    public record FailureView(Report.Failure failure, String anchor, Table table, Svg.Swimlane lane) {}

    /** A scenario variant. */
    public record ScenarioView(Recording recording, String anchor, String expectation, String verdict, String cls,
            Table table, Svg.Swimlane lane, Svg.Graph graph, List<Svg.Bars> bars, List<Fact> facts, List<Fact> outcomes) {}

    /** A jcstress test with its histogram. */
    public record JcstressView(Report.JcstressTest test, String cls, Svg.Bars histogram) {}

    /** A row of the kill matrix. */
    public record KillRow(String variant, String primitive, String kind, String what, List<Cell> cells,
            String seconds, String verdict, String cls) {}

    /** The kill matrix as a grid. */
    public record KillMatrix(String summary, List<String> columns, List<KillRow> rows) {}

    /** The whole page. */
    public record Index(Report report, boolean failed, boolean empty, int failureCount, List<FailureView> failures,
            List<String> toolColumns, List<Report.PrimitiveRow> primitives, List<ScenarioView> scenarios,
            List<Report.Tool> tools, List<JcstressView> jcstress, List<Report.Check> lincheck,
            List<Report.Check> vmlens, KillMatrix killMatrix, String benchmarks) {}

    /** The page of {@code report}. */
    public static Index index(Report report) {
        List<FailureView> failures = new ArrayList<>();
        int i = 0;
        for (Report.Failure f : report.failures()) {
            failures.add(new FailureView(f, "failure-" + (++i), table(f.threads(), f.stateLabel(), f.steps()),
                    Svg.swimlane(f.threads(), f.steps())));
        }
        List<ScenarioView> scenarios = new ArrayList<>();
        for (Recording r : report.scenarios()) {
            scenarios.add(scenario(r));
        }
        List<JcstressView> jcstress = report.jcstress().stream()
                .map(t -> new JcstressView(t, t.verdict().equals("passed") ? "ok" : "bad", Svg.histogram(t))).toList();
        return new Index(report, !report.failures().isEmpty(), report.verdict().equals("EMPTY"),
                report.failures().size(), failures,
                List.of("Conformance", "Lincheck", "jcstress", "vmlens", "Kill matrix"), report.primitives(), scenarios,
                report.tools(), jcstress, report.lincheck(), report.vmlens(), killMatrix(report.killMatrix()),
                report.benchmarks());
    }

    static ScenarioView scenario(Recording r) {
        String expectation = switch (r.expectation()) {
            case EXPECTED_FAILURE -> "expected failure";
            case EXPECTED_SUCCESS -> "expected success";
            case OBSERVATION -> "observation";
        };
        String verdict = switch (r.verdict()) {
            case FAILURE_SHOWN -> "expected failure shown";
            case PASSED -> "passed";
            case OBSERVED -> "observed";
            case FAILURE_NOT_FOUND -> "FAILED: the bug was not found";
            case FAILED -> "FAILED";
        };
        String cls = switch (r.verdict()) {
            case FAILURE_SHOWN -> "shown";
            case PASSED, OBSERVED -> "ok";
            default -> "bad";
        };
        List<Fact> facts = new ArrayList<>();
        if (r.details() != null) {
            r.details().forEach((key, value) -> {
                if (!(value instanceof Map<?, ?> map && !map.isEmpty()
                        && map.values().stream().allMatch(v -> v instanceof Number))) {
                    facts.add(new Fact(key, String.valueOf(value)));
                }
            });
        }
        List<Fact> outcomes = new ArrayList<>();
        if (r.outcomes() != null) {
            r.outcomes().forEach((k, v) -> outcomes.add(new Fact(k, v + " schedule(s)")));
        }
        return new ScenarioView(r, "scenario-" + r.scenario() + "--" + r.variant(), expectation, verdict, cls,
                table(r.threads(), r.stateLabel(), r.steps()), Svg.swimlane(r.threads(), r.steps()),
                Svg.graph(r.waitFor()), Svg.bars(r.details()), facts, outcomes);
    }

    /**
     * The lecture's table: Time, one column per thread and the shared state, which sits between
     * two threads as on the slide, or last.
     */
    static Table table(List<String> threads, String stateLabel, List<Recording.Step> steps) {
        if (threads == null || steps == null || steps.isEmpty()) {
            return null;
        }
        List<String> header = new ArrayList<>();
        header.add("Time");
        List<String> columns = new ArrayList<>(threads);
        for (Recording.Step s : steps) {
            if (!columns.contains(s.thread())) {
                columns.add(s.thread());
            }
        }
        int stateColumn = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (stateLabel != null && columns.size() == 2 && c == 1) {
                stateColumn = header.size();
                header.add(stateLabel);
            }
            header.add(columns.get(c));
        }
        if (stateLabel != null && stateColumn < 0) {
            stateColumn = header.size();
            header.add(stateLabel);
        }
        List<Row> rows = new ArrayList<>();
        for (Recording.Step s : steps) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                cells.add(new Cell("", c == stateColumn ? "state" : ""));
            }
            cells.set(0, new Cell(String.valueOf(s.time()), "time"));
            int column = header.indexOf(s.thread());
            cells.set(column < 0 ? 1 : column, new Cell(s.operation(), "op " + (s.kind() == null ? "step" : s.kind())));
            if (stateColumn >= 0 && s.state() != null) {
                cells.set(stateColumn, new Cell(s.state(), "state"));
            }
            rows.add(new Row(cells));
        }
        return new Table(header, rows);
    }

    static KillMatrix killMatrix(JsonNode matrix) {
        if (matrix == null) {
            return null;
        }
        List<String> columns = List.of("conformance", "lincheck model checking", "jcstress");
        List<KillRow> rows = new ArrayList<>();
        List<String> seenByJcstress = new ArrayList<>();
        matrix.path("summary").path("seenByJcstress").forEach(n -> seenByJcstress.add(n.asText()));
        for (JsonNode v : matrix.path("variants")) {
            String caughtBy = v.path("caughtBy").asText("");
            boolean probabilistic = v.path("determinism").asText("").startsWith("probabilistic");
            List<Cell> cells = new ArrayList<>();
            for (String column : columns) {
                if (caughtBy.equals(column)) {
                    cells.add(new Cell((probabilistic ? "probabilistic, " : "caught, ")
                            + v.path("secondsToCatch").asText() + " s", probabilistic ? "prob" : "caught"));
                } else if (column.equals("jcstress") && seenByJcstress.contains(v.path("variant").asText())) {
                    cells.add(new Cell("seen", "caught"));
                } else {
                    cells.add(new Cell("—", "none"));
                }
            }
            String verdict = v.path("verdict").asText();
            rows.add(new KillRow(v.path("variant").asText(), v.path("primitive").asText(), v.path("kind").asText(),
                    v.path("what").asText(), cells, v.path("secondsToCatch").asText(""), verdict,
                    verdict.equals("caught") ? "ok" : "bad"));
        }
        JsonNode s = matrix.path("summary");
        String summary = s.path("caught").asInt() + " of " + s.path("variants").asInt() + " broken variants caught ("
                + s.path("caughtPercent").asText() + " %), " + s.path("caughtDeterministically").asInt()
                + " deterministically; median " + s.path("medianSecondsToCatch").asText() + " s to catch, at most "
                + s.path("maxSecondsToCatch").asText() + " s.";
        return new KillMatrix(summary, columns, rows);
    }
}
