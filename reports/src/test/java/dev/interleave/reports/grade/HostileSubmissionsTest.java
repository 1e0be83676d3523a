package dev.interleave.reports.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every attack of a hostile submission is contained: the grader ends within its budget and 30 s,
 * writes results.json itself, and the attacked primitive gets no points; an attack that leaves the
 * primitive correct (a thread that never ends) costs nothing. Each fixture (a submission folder
 * under {@code submissions/}, on top of {@code submissions/common}) carries its attack in its
 * {@code lock()}, its constructor or its class initialization; the run is narrowed to a few checks
 * of {@code lock()} to stay short.
 */
class HostileSubmissionsTest {
    static final int BUDGET = 60;
    static final String LOCK = "Lock — lock()";
    static final String FEW_LOCK_CHECKS =
            "^conformance/Lock: lock\\(\\)/(tryAcquireTakesAFreeLockAndReleaseFreesIt|onlyOneThreadAtATimeIsInTheCriticalSection)$";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "exit,         0",
        "halt,         0",
        "spin,         0",
        "oom,          0",
        "recursion,    0",
        "static-init,  0",
        "fake-output,  0",
        "fake-results, 0",
        "interrupter,  0",
        "reflection,   0",
        "nondaemon,    7",
    })
    void theAttackIsContained(String attack, double lockScore) throws IOException {
        Path out = dir.resolve("out");
        Path work = dir.resolve("work");
        Path submission = Grading.fixture(attack, dir.resolve("submission"));
        Grading grading = Grading.run(out, submission.toString(), "--tools", "conformance", "--only",
                FEW_LOCK_CHECKS, "--budget", BUDGET + "s", "--work", work.toString());

        assertEquals(GraderMain.GRADED, grading.exitCode(), grading.console());
        assertTrue(grading.seconds() < BUDGET + 30, "the grader took " + grading.seconds() + " s");
        assertNotNull(grading.results(), "no results.json:\n" + grading.console());
        assertEquals(lockScore, grading.score(LOCK), grading.results().toPrettyString());
        assertEquals(lockScore, grading.results().get("score").asDouble());
        assertEquals(List.of(out.resolve("results.json")), resultsFilesUnder(dir),
                "the only results.json is the grader's own");
    }

    private static List<Path> resultsFilesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals("results.json")).toList();
        }
    }
}
