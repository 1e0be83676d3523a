package dev.interleave.reports.grade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Gradescope zip that {@code interleave-grader package} writes, and its refusals. */
class PackageCommandTest {

    private static final String RUBRIC = """
            {"title": "Lab 3", "visibility": "visible",
             "items": [{"name": "Locks", "points": 10, "primitive": "Lock"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void zipHoldsExecutableScriptsTheJarAndTheRubric() throws IOException {
        Path jar = fakeJar();
        Path rubric = Files.writeString(dir.resolve("lab 3's rubric.json"), RUBRIC);
        Path zip = dir.resolve("upload/autograder.zip");

        Run run = packageWith(jar, "--out", zip.toString(), "--rubric", rubric.toString(),
                "--policy", "permissive", "--budget", "8m30s");

        assertEquals(GraderMain.GRADED, run.exitCode, run.err);
        Map<String, Integer> modes = unixModes(zip);
        assertEquals(List.of("setup.sh", "run_autograder", "interleave-grader.jar", "lab 3's rubric.json"),
                List.copyOf(modes.keySet()));
        assertEquals(0755, modes.get("setup.sh"));
        assertEquals(0755, modes.get("run_autograder"));
        assertEquals(0644, modes.get("interleave-grader.jar"));
        assertEquals(0644, modes.get("lab 3's rubric.json"));
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertArrayEquals(Files.readAllBytes(jar), file.getInputStream(file.getEntry("interleave-grader.jar")).readAllBytes());
            assertArrayEquals(Files.readAllBytes(rubric), file.getInputStream(file.getEntry("lab 3's rubric.json")).readAllBytes());
            String runScript = text(file, "run_autograder");
            assertTrue(runScript.startsWith("#!/usr/bin/env bash\n"), runScript);
            assertTrue(runScript.contains("-jar /autograder/source/interleave-grader.jar grade /autograder/submission \\\n"
                    + "  --out /autograder/results"
                    + " --rubric '/autograder/source/lab 3'\"'\"'s rubric.json' --policy 'permissive' --budget '8m30s'\n"),
                    runScript);
            assertFalse(runScript.contains("@GRADE_OPTIONS@"), runScript);
            String setup = text(file, "setup.sh");
            assertTrue(setup.contains("apt-get install -y openjdk-17-jdk-headless\n"), setup);
        }
        assertFalse(Files.exists(dir.resolve("upload/autograder.zip.part")));
    }

    @Test
    void withoutOptionsGradeRunsWithItsOwnDefaults() throws IOException {
        Path zip = dir.resolve("autograder.zip");

        Run run = packageWith(fakeJar(), "--out", zip.toString());

        assertEquals(GraderMain.GRADED, run.exitCode, run.err);
        assertEquals(List.of("setup.sh", "run_autograder", "interleave-grader.jar"), List.copyOf(unixModes(zip).keySet()));
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertTrue(text(file, "run_autograder").contains("--out /autograder/results\n"));
        }
    }

    @Test
    void quotedOptionIsOneWordForBash() throws Exception {
        String value = "it's \"540 s\" $HOME `id` \\ end";
        Process bash = new ProcessBuilder("bash", "-c", "printf '%s' " + PackageCommand.shellQuote(value)).start();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(value, printed);
    }

    @Test
    void unknownOptionExitsWith2AndOneLineMessage() {
        Run run = graderWith("package", "--frobnicate");

        assertEquals(GraderMain.USAGE, run.exitCode);
        List<String> lines = run.err.lines().toList();
        assertEquals(List.of("interleave-grader: Unknown option: '--frobnicate'",
                "Try 'interleave-grader package --help' for more information."), lines);
    }

    @Test
    void missingRubricExitsWith2AndWritesNothing() throws IOException {
        Path zip = dir.resolve("autograder.zip");

        Run run = packageWith(fakeJar(), "--out", zip.toString(), "--rubric", dir.resolve("nope.json").toString());

        assertEquals(GraderMain.USAGE, run.exitCode);
        assertTrue(run.err.startsWith("interleave-grader: --rubric " + dir.resolve("nope.json") + ": no such readable file\n"),
                run.err);
        assertFalse(Files.exists(zip));
    }

    @Test
    void budgetOnSeveralLinesExitsWith2() throws IOException {
        Run run = packageWith(fakeJar(), "--out", dir.resolve("a.zip").toString(), "--budget", "540s\nrm -rf /");

        assertEquals(GraderMain.USAGE, run.exitCode);
        assertTrue(run.err.startsWith("interleave-grader: --budget: give a value on one line"), run.err);
    }

    @Test
    void valuesGradeWouldRefuseExitWith2() throws IOException {
        Path jar = fakeJar();
        Path zip = dir.resolve("a.zip");
        Path badRubric = Files.writeString(dir.resolve("rubric.json"), "{\"items\": []}");

        assertEquals(GraderMain.USAGE, packageWith(jar, "--out", zip.toString(), "--budget", "eight minutes").exitCode);
        assertEquals(GraderMain.USAGE, packageWith(jar, "--out", zip.toString(), "--policy", "no-threads").exitCode);
        assertEquals(GraderMain.USAGE, packageWith(jar, "--out", zip.toString(), "--rubric", badRubric.toString()).exitCode);
        assertFalse(Files.exists(zip));
    }

    @Test
    void unwritableOutExitsWith4() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "");

        Run run = packageWith(fakeJar(), "--out", notAFolder.resolve("autograder.zip").toString());

        assertEquals(GraderMain.GRADER_ERROR, run.exitCode);
        assertTrue(run.err.startsWith("interleave-grader: cannot write " + notAFolder.resolve("autograder.zip")), run.err);
        assertEquals(1, run.err.lines().count(), run.err);
    }

    @Test
    void graderRunningFromClassesSaysHowToBuildTheJar() {
        // Under Maven the grader runs from target/classes, not from its jar.
        Run run = graderWith("package", "--out", dir.resolve("autograder.zip").toString());

        assertEquals(GraderMain.GRADER_ERROR, run.exitCode);
        assertTrue(run.err.contains("not from a jar. Build the jar first, in the project's folder: "
                + "mvn -q -pl reports -am package -DskipTests"), run.err);
        assertFalse(Files.exists(dir.resolve("autograder.zip")));
    }

    private Path fakeJar() throws IOException {
        return Files.write(dir.resolve("interleave-grader.jar"), "not really a jar".getBytes(StandardCharsets.UTF_8));
    }

    private static Run packageWith(Path jar, String... args) {
        return run(new CommandLine(new PackageCommand(jar)).setParameterExceptionHandler(PackageCommandTest::usage), args);
    }

    private static Run graderWith(String... args) {
        return run(GraderMain.commandLine(), args);
    }

    /** As GraderMain's handler, which a command line made for one command does not have. */
    private static int usage(CommandLine.ParameterException e, String[] args) {
        e.getCommandLine().getErr().println("interleave-grader: " + e.getMessage());
        return GraderMain.USAGE;
    }

    private static Run run(CommandLine line, String... args) {
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        int exitCode = line.execute(args);
        return new Run(exitCode, err.toString());
    }

    private record Run(int exitCode, String err) {
    }

    private static String text(ZipFile file, String name) throws IOException {
        return new String(file.getInputStream(file.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Each entry's Unix mode, read from the zip's central directory (java.util.zip does not show
     * it): the entry must say it was made on Unix (host 3), with the mode in the upper half of its
     * external attributes.
     */
    private static Map<String, Integer> unixModes(Path zip) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        int end = bytes.limit() - 22;
        while (bytes.getInt(end) != 0x06054b50) {
            end--;
        }
        int entries = Short.toUnsignedInt(bytes.getShort(end + 10));
        int at = bytes.getInt(end + 16);
        Map<String, Integer> modes = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            assertEquals(0x02014b50, bytes.getInt(at));
            int madeOn = Short.toUnsignedInt(bytes.getShort(at + 4)) >> 8;
            int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(bytes.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(bytes.getShort(at + 32));
            int external = bytes.getInt(at + 38);
            byte[] name = new byte[nameLength];
            bytes.get(at + 46, name);
            assertEquals(3, madeOn, "host of " + new String(name, StandardCharsets.UTF_8));
            modes.put(new String(name, StandardCharsets.UTF_8), (external >>> 16) & 0777);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return modes;
    }
}
