package dev.interleave.reports.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads JUnit XML reports (Surefire's format). */
public final class JUnitXml {
    private JUnitXml() {}

    /** Every {@code TEST-*.xml} of {@code directory}, in name order; none when it does not exist. */
    public static List<Path> reports(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
    }

    /**
     * The test cases of one report.
     *
     * @param module the module the report belongs to
     * @param run the report name suffix of the Surefire run, empty for the default run
     */
    public static List<TestCase> read(Path report, String module, String run) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        NodeList cases = suite.getElementsByTagName("testcase");
        List<TestCase> read = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            String status = "passed";
            String message = null;
            String detail = null;
            for (String[] kind : new String[][] {{"failure", "failed"}, {"error", "error"},
                    {"skipped", "skipped"}, {"flakyFailure", "flaky"}, {"flakyError", "flaky"}}) {
                Element found = child(c, kind[0]);
                if (found != null) {
                    status = kind[1];
                    message = found.getAttribute("message");
                    detail = found.getTextContent();
                    break;
                }
            }
            Element out = child(c, "system-out");
            read.add(new TestCase(module, run, suite.getAttribute("name"), c.getAttribute("classname"),
                    c.getAttribute("name"), seconds(c.getAttribute("time")), status,
                    message == null || message.isBlank() ? null : message, detail, out == null ? null : out.getTextContent()));
        }
        return read;
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static double seconds(String time) {
        try {
            return Double.parseDouble(time.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
