package dev.interleave.stress.jcstress.gate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The jcstress run as one JUnit XML report in Surefire's format: a {@code testsuite} with the
 * run's settings as {@code properties} (the implementation under test first) and one
 * {@code testcase} per jcstress test. A FORBIDDEN outcome is a {@code failure}; a test that did
 * not run to the end, or a run-level problem, is an {@code error}; every test's outcome
 * histogram is in its {@code system-out}.
 */
final class JUnitXmlReport {
    /** The suite's name, and the file's: {@code TEST-<name>.xml}, as Surefire names its own. */
    static final String SUITE = "dev.interleave.stress.jcstress";

    /** A problem of the whole run (jcstress failed, was killed, wrote no results), not of one test. */
    record RunProblem(String name, String message, String details) {}

    private final Path file;

    JUnitXmlReport(Path directory) {
        this.file = directory.resolve("TEST-" + SUITE + ".xml");
    }

    Path file() {
        return file;
    }

    void write(Map<String, String> properties, List<TestVerdict> verdicts, List<RunProblem> problems,
            Duration elapsed) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            suite(xml, properties, verdicts, problems, elapsed);
            newline(xml, 0);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, Map<String, String> properties, List<TestVerdict> verdicts,
            List<RunProblem> problems, Duration elapsed) throws XMLStreamException {
        long failures = verdicts.stream().filter(v -> v.kind() == TestVerdict.Kind.FAILED).count();
        long errors = verdicts.stream().filter(v -> v.kind() == TestVerdict.Kind.ERROR).count() + problems.size();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", SUITE);
        xml.writeAttribute("time", seconds(elapsed));
        xml.writeAttribute("tests", String.valueOf(verdicts.size() + problems.size()));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("timestamp", LocalDateTime.now().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        newline(xml, 1);
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> property : properties.entrySet()) {
            newline(xml, 2);
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", property.getKey());
            xml.writeAttribute("value", clean(property.getValue()));
        }
        newline(xml, 1);
        xml.writeEndElement();
        for (TestVerdict verdict : verdicts) {
            newline(xml, 1);
            testcase(xml, verdict);
        }
        for (RunProblem problem : problems) {
            newline(xml, 1);
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", problem.name());
            xml.writeAttribute("classname", SUITE);
            newline(xml, 2);
            outcome(xml, "error", problem.message(), "jcstress.run", problem.details());
            newline(xml, 1);
            xml.writeEndElement();
        }
        newline(xml, 0);
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, TestVerdict verdict) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", verdict.simpleName());
        xml.writeAttribute("classname", verdict.name());
        switch (verdict.kind()) {
            case FAILED -> {
                newline(xml, 2);
                outcome(xml, "failure", verdict.message(), "jcstress.FORBIDDEN", verdict.details());
            }
            case ERROR -> {
                newline(xml, 2);
                outcome(xml, "error", verdict.message(), "jcstress.ERROR", verdict.details());
            }
            case PASSED -> { }
        }
        newline(xml, 2);
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(systemOut(verdict)));
        xml.writeEndElement();
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void outcome(XMLStreamWriter xml, String element, String message, String type, String details)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(message));
        xml.writeAttribute("type", type);
        xml.writeCharacters(clean(details.isEmpty() ? message : details));
        xml.writeEndElement();
    }

    private static String systemOut(TestVerdict verdict) {
        StringBuilder out = new StringBuilder();
        out.append(verdict.description()).append("\n").append("\n");
        if (!verdict.histogram().isEmpty()) {
            out.append(verdict.histogramTable()).append("\n");
        }
        for (String configuration : verdict.configurations()) {
            out.append("Ran in ").append(configuration).append("\n");
        }
        return out.toString();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.3f", elapsed.toMillis() / 1000.0);
    }

    /** Drops the characters XML 1.0 cannot hold (control characters from a crashed JVM's output). */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
