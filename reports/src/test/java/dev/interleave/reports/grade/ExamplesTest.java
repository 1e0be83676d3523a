package dev.interleave.reports.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example submissions under {@code reports/examples} grade as their READMEs say, through the
 * whole grader (compile, sandboxed children, results.json, report), each on the checks that
 * decide (the full runs are the README's command).
 */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("examples");

    @TempDir
    Path dir;

    @Test
    void theCorrectExampleGetsThePointsOfItsLocks() throws Exception {
        Grading grading = Grading.run(dir.resolve("out"), EXAMPLES.resolve("correct").toString(), "--tools",
                "conformance", "--only", "^conformance/Lock: ");
        assertEquals(GraderMain.GRADED, grading.exitCode(), grading.console());
        assertEquals(7, grading.score("Lock — lock()"), grading.results().toPrettyString());
        assertEquals(6, grading.score("Lock — fairLock()"), grading.results().toPrettyString());
        assertTrue(Files.isRegularFile(dir.resolve("out/report/index.html")));
        assertTrue(Files.isRegularFile(dir.resolve("out/junit/TEST-interleave-conformance.xml")));
    }

    @Test
    void theRacyLockLosesThePointsOfLockWithTheInterleavingAsEvidence() throws Exception {
        Grading grading = Grading.run(dir.resolve("out"), EXAMPLES.resolve("racy-lock").toString(), "--tools",
                "lincheck", "--only", "^lincheck/.*\\.LockLinearizability/linearizableUnderModelChecking$");
        assertEquals(GraderMain.GRADED, grading.exitCode(), grading.console());
        assertEquals(0, grading.score("Lock — lock()"));
        String output = grading.test("Lock — lock()").get("output").asText();
        assertTrue(output.contains("LockLinearizability — linearizableUnderModelChecking"), output);
        assertTrue(output.contains("tryAcquireWithoutWaiting"), output);
    }

    @Test
    void theQueueWithIfInsteadOfWhileLosesThePointsOfTheFifoQueue() throws Exception {
        Grading grading = Grading.run(dir.resolve("out"), EXAMPLES.resolve("queue-if-instead-of-while").toString(),
                "--tools", "lincheck", "--only", "^lincheck/.*\\.FifoQueueHandOffLinearizability/linearizableUnderModelChecking$");
        assertEquals(GraderMain.GRADED, grading.exitCode(), grading.console());
        assertEquals(0, grading.score("Queue — fifoQueue(capacity)"));
        assertTrue(grading.test("Queue — fifoQueue(capacity)").get("output").asText().contains("NoSuchElementException"));
    }
}
