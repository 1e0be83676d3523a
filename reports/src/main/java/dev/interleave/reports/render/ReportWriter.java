package dev.interleave.reports.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import dev.interleave.reports.model.Report;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.scenarios.record.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link Report} as {@code index.html} (self-contained: inline CSS and SVG, no
 * network), a page of its own per scenario variant ({@code scenario-<id>--<variant>.html}),
 * {@code summary.md} (for a CI job summary), {@code report.json} (the model) and
 * {@code junit/} (one JUnit XML directory for every tool).
 */
public final class ReportWriter {
    private static final String TEMPLATES = "dev/interleave/reports";
    private static final int SUMMARY_STEPS = 8;

    private final MustacheFactory html = new DefaultMustacheFactory(TEMPLATES);
    /** Markdown is not HTML: nothing is escaped in summary.md. */
    private final MustacheFactory markdown = new DefaultMustacheFactory(TEMPLATES) {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /**
     * Writes the report's files into {@code out}.
     *
     * @param link how summary.md names the HTML report (a path relative to the project's folder)
     */
    public void write(Report report, Path out, String link) throws IOException {
        Files.createDirectories(out);
        try (Writer w = Files.newBufferedWriter(out.resolve("index.html"), StandardCharsets.UTF_8)) {
            html.compile("index.html.mustache").execute(w, Views.index(report));
        }
        var scenarioPage = html.compile("scenario.html.mustache");
        for (Views.ScenarioView view : Views.index(report).scenarios()) {
            try (Writer w = Files.newBufferedWriter(out.resolve(view.anchor() + ".html"), StandardCharsets.UTF_8)) {
                scenarioPage.execute(w, view);
            }
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("summary.md"), StandardCharsets.UTF_8)) {
            markdown.compile("summary.md.mustache").execute(w, summary(report, link));
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValue(out.resolve("report.json").toFile(), report);
    }

    /** What summary.md shows of one failure. */
    public record SummaryFailure(Report.Failure failure, String firstLine, String excerpt) {}

    /** What summary.md shows. */
    public record Summary(Report report, String reportPath, boolean failed, int failureCount,
            List<SummaryFailure> failures, List<Report.Tool> tools, String scenarioCounts, String killMatrixLine) {}

    /** The first telling line of a failure's message (not a bare exception class name). */
    public static String headline(String message) {
        if (message != null) {
            for (String line : message.strip().split("\\R")) {
                if (!line.isBlank() && !line.strip().matches("[\\w.$]+(Error|Exception):")) {
                    return line.strip();
                }
            }
        }
        return "(no message)";
    }

    static Summary summary(Report report, String link) {
        List<SummaryFailure> failures = new ArrayList<>();
        for (Report.Failure f : report.failures().subList(0, Math.min(10, report.failures().size()))) {
            String first = headline(f.message());
            String excerpt = null;
            if (f.steps() != null && !f.steps().isEmpty()) {
                List<Recording.Step> head = f.steps().subList(0, Math.min(SUMMARY_STEPS, f.steps().size()));
                excerpt = Table.render(f.threads(), f.stateLabel(), head).stripTrailing().indent(2).stripTrailing()
                        + (f.steps().size() > SUMMARY_STEPS ? "\n  … (" + f.steps().size() + " steps in all)" : "");
            }
            failures.add(new SummaryFailure(f, first, excerpt));
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Recording r : report.scenarios()) {
            counts.merge(r.verdict().name().toLowerCase().replace('_', ' '), 1, Integer::sum);
        }
        String scenarioCounts = counts.isEmpty() ? null : counts.toString().replaceAll("[{}]", "").replace("=", ": ");
        JsonNode km = report.killMatrix();
        String kill = km == null ? null : km.path("summary").path("caught").asInt() + " of "
                + km.path("summary").path("variants").asInt() + " broken variants caught, median "
                + km.path("summary").path("medianSecondsToCatch").asText() + " s to catch.";
        return new Summary(report, link, !report.failures().isEmpty(), report.failures().size(), failures,
                report.tools(), scenarioCounts, kill);
    }

    /**
     * Writes {@code junit/}: every module's Surefire reports and jcstress's, copied, and the kill
     * matrix as a test suite of its own, where a variant caught only by jcstress (probabilistic
     * evidence) is a {@code flakyFailure}, not a plain pass.
     */
    public void writeJUnit(Path root, Report report, Path out) throws IOException, XMLStreamException {
        Path junit = out.resolve("junit");
        Files.createDirectories(junit);
        for (String module : List.of("primitives", "stress", "scenarios", "reports")) {
            for (String folder : List.of("target/surefire-reports", "target/jcstress-reports")) {
                Path dir = root.resolve(module).resolve(folder);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (var files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                        Files.copy(f, junit.resolve(f.getFileName().toString().replaceFirst("^TEST-", "TEST-" + module + ".")),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        JsonNode km = report.killMatrix();
        if (km == null) {
            return;
        }
        try (Writer w = Files.newBufferedWriter(junit.resolve("TEST-interleave.kill-matrix.xml"), StandardCharsets.UTF_8)) {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(w);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "interleave.kill-matrix");
            x.writeAttribute("tests", String.valueOf(km.path("variants").size()));
            x.writeAttribute("failures", String.valueOf(km.path("summary").path("survivors").size()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", km.path("summary").path("totalSeconds").asText("0"));
            for (JsonNode v : km.path("variants")) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "kill-matrix." + v.path("primitive").asText());
                x.writeAttribute("name", v.path("variant").asText());
                x.writeAttribute("time", v.path("seconds").asText("0"));
                String how = v.path("caughtBy").asText() + ": " + v.path("how").asText();
                if (!v.path("verdict").asText().equals("caught")) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", "survived: " + v.path("what").asText());
                    x.writeCharacters(v.path("what").asText());
                    x.writeEndElement();
                } else if (v.path("determinism").asText("").startsWith("probabilistic")) {
                    x.writeStartElement("flakyFailure");
                    x.writeAttribute("message", "caught only probabilistically (jcstress): " + how);
                    x.writeAttribute("type", "probabilistic");
                    x.writeCharacters(how);
                    x.writeEndElement();
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters("caught deterministically by " + how);
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        }
    }
}
