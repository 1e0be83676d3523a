package dev.interleave.stress.verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a tool gate fails the build at once or leaves its failure to the build's final
 * verdict, which the reports module gives after writing the report (see
 * {@code build/ModuleVerdict.java}).
 *
 * <p>A gate defers when {@code -Dinterleave.failAtEnd=true} and the build's projects
 * ({@code -Dinterleave.session=${session.projects}}) include the reports module; it then writes
 * its failure to {@code <target>/interleave/verdicts/<gate>.failed}, where the module's verdict
 * and the report find it, and exits 0.
 */
public final class Deferral {
    private Deferral() {}

    /** Whether failures are left to the end of the build. */
    public static boolean deferred() {
        return Boolean.parseBoolean(System.getProperty("interleave.failAtEnd", "false"))
                && System.getProperty("interleave.session", "").contains(":interleave-reports:");
    }

    /**
     * The exit code of a gate: 0 when it passed; when it failed, 0 after writing {@code lines}
     * to {@code <target>/interleave/verdicts/<gate>.failed} if failures are deferred, else 1.
     */
    public static int exitCode(boolean passed, Path target, String gate, List<String> lines) {
        if (passed) {
            return 0;
        }
        if (!deferred()) {
            return 1;
        }
        Path file = target.resolve("interleave/verdicts/" + gate + ".failed");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("[" + gate + "] cannot write " + file + " (" + e.getMessage() + "): failing here");
            return 1;
        }
        System.out.println("[" + gate + "] the build goes on to write the report, then fails"
                + " (-Dinterleave.failAtEnd=false fails here instead)");
        return 0;
    }
}
