package dev.interleave.reports.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interleave.reports.ReportMain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import picocli.CommandLine;

/**
 * Writes a grading run's files, all from the grader's own process: Gradescope's
 * {@code results.json}, JUnit XML (one file per tool, and one for the rubric), and the HTML
 * interleaving report (the build's report, read from a project tree the grader lays out from the
 * children's records).
 */
final class GradeOutputs {
    private final Path out;

    GradeOutputs(Path out) {
        this.out = out;
    }

    void writeAll(Grade grade, Rubric rubric, Path work) throws IOException {
        Files.createDirectories(out);
        writeResults(grade, rubric);
        Path junit = out.resolve("junit");
        Files.createDirectories(junit);
        writeRubricXml(grade, junit.resolve("TEST-interleave-grade.xml"));
        if (grade.invalid() != null) {
            return;
        }
        Path tree = work.resolve("report-tree");
        for (ToolRun.ToolOutcome tool : grade.tools()) {
            writeToolXml(tool, junit.resolve("TEST-interleave-" + tool.tool().id() + ".xml"));
            for (Map.Entry<String, String> artifact : tool.artifacts().entrySet()) {
                Path target = tree.resolve(artifact.getKey()).normalize();
                if (target.startsWith(tree)) {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, artifact.getValue(), StandardCharsets.UTF_8);
                }
            }
            if (tool.tool().isJUnit()) {
                Path xml = tree.resolve(tool.tool().reportPath());
                Files.createDirectories(xml.getParent());
                writeToolXml(tool, xml);
            }
        }
        writeReport(tree);
    }

    /** Gradescope's results.json: one test per rubric item, the run's summary as output. */
    void writeResults(Grade grade, Rubric rubric) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("score", round(grade.score()));
        root.put("execution_time", Math.round(grade.seconds()));
        root.put("output", summary(grade, rubric));
        root.put("visibility", rubric.visibilityOr("visible"));
        root.put("stdout_visibility", "hidden");
        ArrayNode tests = root.putArray("tests");
        int number = 1;
        for (Scoring.ItemResult item : grade.items()) {
            ObjectNode test = tests.addObject();
            test.put("name", item.name());
            test.put("number", Integer.toString(number++));
            test.put("score", round(item.score()));
            test.put("max_score", round(item.maxScore()));
            test.put("status", item.status());
            test.put("output", item.output());
            test.put("visibility", item.visibility());
        }
        Path file = out.resolve("results.json");
        Path temporary = out.resolve("results.json.tmp");
        json.writeValue(temporary.toFile(), root);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String summary(Grade grade, Rubric rubric) {
        StringBuilder text = new StringBuilder();
        text.append(rubric.title() == null ? "Interleave grader" : rubric.title()).append('\n');
        if (grade.invalid() != null) {
            text.append("\nThe submission cannot be graded: ").append(grade.invalid()).append('\n');
            return text.toString();
        }
        text.append(String.format(Locale.ROOT, "Score %s of %s for %s, graded in %.0f s.%n", fmt(grade.score()),
                fmt(grade.maxScore()), grade.primitives(), grade.seconds()));
        if (grade.policy() != null) {
            text.append(grade.policyViolations().isEmpty() ? "Homework policy (" + grade.policy() + "): complied.\n"
                    : "Homework policy (" + grade.policy() + "): VIOLATED.\n  "
                            + String.join("\n  ", grade.policyViolations()) + "\n");
        }
        text.append('\n');
        for (ToolRun.ToolOutcome tool : grade.tools()) {
            text.append(String.format(Locale.ROOT, "%-40s %4d passed, %3d failed  (%.0f s, %d JVM%s)%n",
                    tool.tool().title() + ":", tool.passed(), tool.failed(), tool.seconds(), tool.children(),
                    tool.children() == 1 ? "" : "s"));
        }
        if (!grade.notes().isEmpty()) {
            text.append("\nNotes:\n");
            grade.notes().forEach(n -> text.append("  - ").append(n).append('\n'));
        }
        return text.toString();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** One testcase per rubric item (or one failing testcase for an invalid submission). */
    private void writeRubricXml(Grade grade, Path file) throws IOException {
        xml(file, w -> {
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "interleave-grade");
            long failures = grade.invalid() != null ? 1 : grade.items().stream().filter(i -> i.status().equals("failed")).count();
            w.writeAttribute("tests", Integer.toString(grade.invalid() != null ? 1 : grade.items().size()));
            w.writeAttribute("failures", Long.toString(failures));
            w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", grade.seconds()));
            if (grade.invalid() != null) {
                testcase(w, "submission", "validation", 0, "failed", grade.invalid(), grade.invalid());
            }
            for (Scoring.ItemResult item : grade.items()) {
                testcase(w, "rubric", item.name(), 0, item.status(), firstLine(item.output()), item.output());
            }
            w.writeEndElement();
        });
    }

    /** The tool's checks as a Surefire-style report (the build's report reads it in its project tree). */
    private static void writeToolXml(ToolRun.ToolOutcome tool, Path file) throws IOException {
        xml(file, w -> {
            w.writeStartElement("testsuite");
            w.writeAttribute("name", tool.tool().suite());
            w.writeAttribute("tests", Integer.toString(tool.results().size()));
            w.writeAttribute("failures", Long.toString(tool.failed()));
            w.writeAttribute("skipped", Long.toString(tool.results().stream().filter(r -> r.status().equals("skipped"))
                    .count()));
            w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", tool.seconds()));
            for (CheckResult r : tool.results()) {
                testcase(w, r.check().classname(), r.check().name(), r.seconds(), r.status(), r.message(), r.detail());
            }
            w.writeEndElement();
        });
    }

    private static void testcase(XMLStreamWriter w, String classname, String name, double seconds, String status,
            String message, String detail) throws XMLStreamException {
        w.writeCharacters("\n  ");
        w.writeStartElement("testcase");
        w.writeAttribute("name", clean(name));
        w.writeAttribute("classname", clean(classname));
        w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
        if (status.equals("failed")) {
            w.writeStartElement("failure");
            w.writeAttribute("message", clean(message == null ? "failed" : message));
            w.writeCharacters(clean(detail == null ? (message == null ? "failed" : message) : detail));
            w.writeEndElement();
        } else if (status.equals("skipped")) {
            w.writeStartElement("skipped");
            w.writeAttribute("message", clean(message == null ? "skipped" : message));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** XML 1.0 cannot hold every character: control characters a submission printed become U+FFFD. */
    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF) ? c : 0xFFFD));
        return b.toString();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static void xml(Path file, XmlBody body) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream stream = Files.newOutputStream(file)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The build's report over the tree the children's records laid out. */
    private void writeReport(Path tree) {
        Path report = out.resolve("report");
        int code = new CommandLine(new ReportMain()).execute("--root", tree.toString(), "--out", report.toString(),
                "--quiet");
        if (code == 2) {
            throw new IllegalStateException("the HTML report could not be written under " + report);
        }
    }
}
