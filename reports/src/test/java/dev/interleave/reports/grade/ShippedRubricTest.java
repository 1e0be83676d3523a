package dev.interleave.reports.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.reports.grade.child.Battery;
import dev.interleave.reports.grade.child.CheckInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rubric: 100 points, every item selects checks of the battery, and a submission that
 * implements nothing scores nothing (a check that passes without the submission's primitives
 * earns no point); a teacher's rubric with a mistake is refused with a message naming it.
 */
class ShippedRubricTest {
    @TempDir
    Path dir;

    private String nothing() throws java.io.IOException {
        return Grading.fixture("nothing", dir.resolve("submission")).toString();
    }

    @Test
    void itIsWorthOneHundredPointsAndEveryItemSelectsChecks() throws Exception {
        Rubric rubric = Rubric.standard();
        assertEquals(100, rubric.total());
        List<CheckInfo> battery = new ArrayList<>();
        for (Battery tool : Battery.values()) {
            battery.addAll(CheckInfo.discover(tool));
        }
        rubric.checkAgainst(battery);
        for (Rubric.Item item : rubric.items()) {
            if (item.primitive() != null) {
                assertTrue(battery.stream().filter(item::selects).map(CheckInfo::tool).distinct().count() >= 3,
                        item.name() + " takes checks of conformance, spurious wake-ups and Lincheck or jcstress");
            }
        }
    }

    @Test
    void aSubmissionThatImplementsNothingScoresNothing() throws Exception {
        Grading grading = Grading.run(dir.resolve("out"), nothing(), "--tools",
                "conformance,spurious,lincheck,scenarios", "--budget", "300s");
        assertEquals(GraderMain.GRADED, grading.exitCode(), grading.console());
        assertEquals(0, grading.results().get("score").asDouble(), grading.results().toPrettyString());
        for (JsonNode test : grading.results().get("tests")) {
            assertEquals("failed", test.get("status").asText(), test.toPrettyString());
        }
        assertTrue(grading.test("Lock — lock()").get("output").asText().startsWith("Not implemented"));
    }

    @Test
    void aRubricItemThatSelectsNoCheckIsRefusedByName() throws Exception {
        Path rubric = dir.resolve("rubric.json");
        Files.writeString(rubric, """
                {"title": "Lab", "items": [
                  {"name": "Locks", "points": 10, "primitive": "Lock"},
                  {"name": "Typo", "points": 5, "primitive": "Lokc"}
                ]}""");
        Grading grading = Grading.run(dir.resolve("out"), nothing(), "--rubric", rubric.toString());
        assertEquals(GraderMain.USAGE, grading.exitCode(), grading.console());
        assertTrue(grading.console().contains("these rubric items select no check of the battery: 'Typo'"),
                grading.console());
    }

    @Test
    void aRubricThatIsNotValidIsRefusedWithTheReason() throws Exception {
        Path rubric = dir.resolve("rubric.json");
        Files.writeString(rubric, "{\"items\": [{\"name\": \"A\", \"points\": 1, \"visibility\": \"secret\"}]}");
        Grading grading = Grading.run(dir.resolve("out"), nothing(), "--rubric", rubric.toString());
        assertEquals(GraderMain.USAGE, grading.exitCode(), grading.console());
        assertTrue(grading.console().contains("has the visibility 'secret'"), grading.console());
    }
}
