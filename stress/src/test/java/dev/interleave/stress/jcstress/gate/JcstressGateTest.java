package dev.interleave.stress.jcstress.gate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's refusals that need no jcstress run: a run that would test nothing fails. */
class JcstressGateTest {

    @TempDir
    Path directory;

    private GateSettings settings(String filter) {
        return new GateSettings(GateSettings.QUICK, filter, null, List.of(), directory.resolve("results"),
                directory.resolve("reports"), "", "", "", 1);
    }

    @Test
    void aFilterThatMatchesNoTestFailsTheRunInsteadOfPassingIt() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        boolean passed = new JcstressGate(settings("NoSuchTest"), out).run();

        String printed = console.toString(StandardCharsets.UTF_8);
        assertFalse(passed);
        assertTrue(printed.contains("-Djcstress.filter=NoSuchTest matches none of the"), printed);
        assertTrue(printed.contains("jcstress: 0 passed, 1 failed"), printed);
        String xml = Files.readString(directory.resolve("reports").resolve("TEST-dev.interleave.stress.jcstress.xml"));
        assertTrue(xml.contains("<error message=\"no jcstress test was selected, so none ran\""), xml);
    }

    @Test
    void aFilterThatIsNoRegularExpressionFailsTheRun() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        boolean passed = new JcstressGate(settings("Lock_(01"), new PrintStream(console, true, StandardCharsets.UTF_8))
                .run();

        assertFalse(passed);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("is not a regular expression"));
    }
}
