package dev.interleave.stress.jcstress.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.stress.jcstress.gate.TestVerdict.Kind;
import dev.interleave.stress.jcstress.gate.TestVerdict.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jcstress.annotations.Expect;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The JUnit XML report, rendered from a passed, a failed and an erroneous test and a problem of
 * the whole run, against a golden file. {@code -Dinterleave.golden.update=true} rewrites the
 * golden file instead of comparing with it.
 */
class JUnitXmlReportTest {
    /** The golden file, in this module's sources (Surefire runs in the module's directory). */
    private static final Path GOLDEN_SOURCE = Path.of(
            "src/test/resources/dev/interleave/stress/jcstress/gate/TEST-dev.interleave.stress.jcstress.golden.xml");

    @TempDir
    Path directory;

    @Test
    void reportMatchesTheGoldenFile() throws Exception {
        String written = normalized(write());

        if (Boolean.getBoolean("interleave.golden.update")) {
            Files.writeString(GOLDEN_SOURCE, written, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN_SOURCE, StandardCharsets.UTF_8), written);
    }

    @Test
    void countsAgreeWithTheTestCases() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(write().toFile());

        Element suite = xml.getDocumentElement();
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("errors"));
        assertEquals(1, xml.getElementsByTagName("failure").getLength());
        assertEquals(2, xml.getElementsByTagName("error").getLength());
        assertEquals("com.example.MyPrimitives", ((Element) xml.getElementsByTagName("property").item(0))
                .getAttribute("value"));
    }

    private Path write() throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("interleave.implementation", "com.example.MyPrimitives");
        properties.put("jcstress.mode", "quick");
        JUnitXmlReport report = new JUnitXmlReport(directory);
        report.write(properties, List.of(passed(), failed(), notRun()),
                List.of(new JUnitXmlReport.RunProblem("exit", "jcstress exited with code 1 although every test passed",
                        "See jcstress-output.txt")),
                Duration.ofMillis(12_345));
        return report.file();
    }

    private static String normalized(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replaceAll("timestamp=\"[^\"]*\"", "timestamp=\"...\"");
    }

    private static TestVerdict passed() {
        return new TestVerdict("dev.interleave.stress.jcstress.Lock_03_WaiterReleased",
                "lock(): a task blocked in acquire() gets the lock once the holder releases it.", Kind.PASSED,
                List.of(), "", List.of(
                        new Row("STALE", Expect.FORBIDDEN, 0, "The waiting task was never woken."),
                        new Row("TERMINATED", Expect.ACCEPTABLE, 250, "The waiting task got the lock.")),
                List.of("JVM [-Xmx256m], fork #1"));
    }

    private static TestVerdict failed() {
        return new TestVerdict("dev.interleave.stress.jcstress.Lock_01_LostUpdate",
                "lock(): two tasks update one balance in a critical section; no update may be lost.", Kind.FAILED,
                List.of("FORBIDDEN outcome \"12000\" seen 57 times (in 1 of 1 JVM configurations): Lost update <&>."),
                "FORBIDDEN outcome \"12000\" seen 57 times: Lost update <&>.\n"
                        + "    57 times of 10,087 in JVM [-Xmx256m], fork #1\n",
                List.of(
                        new Row("11000", Expect.ACCEPTABLE, 10_030, "The balance is right."),
                        new Row("12000", Expect.FORBIDDEN, 57, "Lost update <&>.")),
                List.of("JVM [-Xmx256m], fork #1"));
    }

    private static TestVerdict notRun() {
        return new TestVerdict("dev.interleave.stress.jcstress.Event_01_SetBeforeAwait",
                "Event: writes made before set() are visible after await() returns.", Kind.ERROR,
                List.of("did not run: jcstress recorded no result for this test"), "", List.of(), List.of());
    }
}
