package dev.interleave.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a fixed project tree ({@code src/test/resources/fixture-project}: a failing
 * conformance test, a Lincheck failure with its interleaving, a jcstress FORBIDDEN outcome, a kill
 * matrix with a probabilistic catch and a survivor, and three scenario recordings) is compared,
 * file by file, with the golden files in {@code src/test/resources/golden}.
 * {@code -Dinterleave.rewriteGolden=true} rewrites them after a deliberate change.
 */
class ReportGoldenTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixture-project");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean REWRITE = Boolean.getBoolean("interleave.rewriteGolden");
    private static final List<String> FILES = List.of("index.html", "summary.md", "report.json",
            "junit/TEST-interleave.kill-matrix.xml");

    @Test
    void theFixtureRendersAsTheGoldenFiles(@TempDir Path out) throws IOException {
        int code = ReportMain.run("--quiet", "--root", FIXTURE.toString(), "--out", out.toString(),
                "--generated-at", "2026-01-01T00:00:00Z", "--fail-on-violations");
        assertEquals(1, code, "the fixture holds violations: --fail-on-violations must exit 1");
        for (String name : FILES) {
            String actual = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
            Path golden = GOLDEN.resolve(name);
            if (REWRITE) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                continue;
            }
            assertTrue(Files.exists(golden), "no golden file " + golden + " (run with -Dinterleave.rewriteGolden=true)");
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                    name + " differs from " + golden + " (if the change is deliberate: -Dinterleave.rewriteGolden=true)");
        }
    }

    @Test
    void theFirstScreenOfAFailedReportNamesTheFailureAndShowsItsInterleaving(@TempDir Path out) throws IOException {
        ReportMain.run("--quiet", "--root", FIXTURE.toString(), "--out", out.toString(), "--generated-at", "2026-01-01T00:00:00Z");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        int failures = html.indexOf("<h2 id=\"failures\">");
        int overview = html.indexOf("<h2 id=\"overview\">");
        assertTrue(failures > 0 && failures < overview, "the failures come before the overview");
        String first = html.substring(failures, html.indexOf("</div>", failures));
        assertTrue(first.contains("table class=\"interleaving\""), "the first failure shows its interleaving as a table");
        assertTrue(first.contains("<svg"), "the first failure shows its interleaving as a swimlane");
    }

    @Test
    void aProjectWhereNoToolRanGivesAnEmptyReportThatSaysSo(@TempDir Path root, @TempDir Path out) throws IOException {
        int code = ReportMain.run("--quiet", "--root", root.toString(), "--out", out.toString(), "--fail-on-violations");
        assertEquals(1, code, "an empty report is not a passing build");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("EMPTY — no tool left anything to read"), html);
        assertTrue(html.contains("jcstress produced nothing in this build"), "a tool that produced nothing is named");
        assertTrue(html.contains("produced nothing"));
    }

    @Test
    void aBadRootIsAClearErrorNotAStackTrace(@TempDir Path out) {
        assertEquals(2, ReportMain.run("--root", out.resolve("missing").toString()));
        assertEquals(2, ReportMain.run("--no-such-option"));
    }

    @Test
    void textFromTheToolsIsEscapedInTheHtml(@TempDir Path out) throws IOException {
        ReportMain.run("--quiet", "--root", FIXTURE.toString(), "--out", out.toString(), "--generated-at", "2026-01-01T00:00:00Z");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("&lt;expected false&gt;"), "a failure message's markup is shown, not interpreted");
        assertTrue(!html.contains("<expected false>"));
    }
}
