package dev.interleave.stress.lincheck;

import dev.interleave.stress.harness.ImplementationUnderTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * Runs one Lincheck check, within the suite's budget, and keeps the evidence of a failure.
 *
 * <p>Budget: every check explores {@value #THREADS} threads of {@value #ACTORS_PER_THREAD}
 * operations each (plus {@value #ACTORS_AROUND} before and after, where the test allows), for
 * {@value #MODEL_CHECKING_ITERATIONS} random scenarios of {@value #MODEL_CHECKING_INVOCATIONS}
 * interleavings in model checking and {@value #STRESS_ITERATIONS} scenarios of
 * {@value #STRESS_INVOCATIONS} runs under stress, after the test's own hand-written scenarios. The
 * system property {@value #SCALE_PROPERTY} (a positive integer, 1 by default) multiplies the number
 * of random scenarios, for long runs: {@code -Dinterleave.lincheck.scale=10}.
 *
 * <p>Evidence: when a check fails, Lincheck's report (for model checking, the interleaving that
 * leads to the wrong result, step by step) is written to
 * {@code <evidence dir>/lincheck/<test class>.<test method>.txt}, then the failure is rethrown.
 * The evidence directory is the system property {@value #EVIDENCE_DIR_PROPERTY}, by default
 * {@code target/interleave} under the working directory (the module's directory under Surefire).
 * A check that passes deletes the file a previous failing run left.
 */
public final class LincheckRun {
    /** Multiplies the number of random scenarios of every check. */
    public static final String SCALE_PROPERTY = "interleave.lincheck.scale";

    /** Where failure reports go (in its {@code lincheck} subdirectory). */
    public static final String EVIDENCE_DIR_PROPERTY = "interleave.evidence.dir";

    /** The default of {@value #EVIDENCE_DIR_PROPERTY}, relative to the working directory. */
    public static final String DEFAULT_EVIDENCE_DIR = "target/interleave";

    static final int THREADS = 2;
    static final int ACTORS_PER_THREAD = 3;
    static final int ACTORS_AROUND = 1;
    static final int MODEL_CHECKING_ITERATIONS = 3;
    static final int MODEL_CHECKING_INVOCATIONS = 50;
    static final int STRESS_ITERATIONS = 2;
    static final int STRESS_INVOCATIONS = 50;

    private LincheckRun() {}

    /** Model checking within the budget: random scenarios, every interleaving Lincheck picks is checked. */
    public static ModelCheckingOptions modelChecking() {
        return shape(new ModelCheckingOptions())
                .iterations(MODEL_CHECKING_ITERATIONS * scale())
                .invocationsPerIteration(MODEL_CHECKING_INVOCATIONS);
    }

    /** Stress within the budget: random scenarios run many times on real threads. */
    public static StressOptions stress() {
        return shape(new StressOptions())
                .iterations(STRESS_ITERATIONS * scale())
                .invocationsPerIteration(STRESS_INVOCATIONS);
    }

    private static <O extends Options<O, ?>> O shape(O options) {
        return options.threads(THREADS)
                .actorsPerThread(ACTORS_PER_THREAD)
                .actorsBefore(ACTORS_AROUND)
                .actorsAfter(ACTORS_AROUND);
    }

    /** The value of {@value #SCALE_PROPERTY}. */
    public static int scale() {
        String value = System.getProperty(SCALE_PROPERTY);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int scale = Integer.parseInt(value.trim());
            if (scale >= 1) {
                return scale;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + SCALE_PROPERTY + "=" + value + " is not a positive integer");
    }

    /** The directory that failure reports are written to. */
    public static Path reportDir() {
        String dir = System.getProperty(EVIDENCE_DIR_PROPERTY);
        return Path.of(dir == null || dir.isBlank() ? DEFAULT_EVIDENCE_DIR : dir.trim()).resolve("lincheck");
    }

    /**
     * Checks {@code testClass} with {@code options}. On failure, writes the report to
     * {@code <report dir>/<test class>.<calling method>.txt} and rethrows.
     *
     * <p>The test class is made once first, so that a primitive the implementation does not
     * provide fails at once with {@code "not implemented: <factory method>"} instead of inside
     * Lincheck.
     */
    public static void check(Options<?, ?> options, Class<?> testClass) {
        String method = StackWalker.getInstance()
                .walk(frames -> frames.skip(1).findFirst().orElseThrow().getMethodName());
        Path report = reportDir().resolve(testClass.getSimpleName() + "." + method + ".txt");
        deleteIfExists(report);
        instantiate(testClass);
        long start = System.nanoTime();
        try {
            options.check(testClass);
        } catch (Throwable failure) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            write(report, header(testClass, method, options, millis) + text(failure));
            System.out.println("Lincheck report of " + testClass.getSimpleName() + "." + method + ": "
                    + report.toAbsolutePath());
            throw failure;
        }
    }

    private static void instantiate(Class<?> testClass) {
        try {
            testClass.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot make " + testClass.getName() + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + testClass.getName() + ": " + e, e);
        }
    }

    private static String header(Class<?> testClass, String method, Options<?, ?> options, long millis) {
        String mode = options instanceof ModelCheckingOptions ? "model checking" : "stress";
        return "Test: " + testClass.getName() + "." + method + "\n"
                + "Mode: " + mode + "\n"
                + "Implementation under test: " + ImplementationUnderTest.name() + "\n"
                + "Scale: " + scale() + "\n"
                + "Failed after: " + String.format(Locale.ROOT, "%.1f", millis / 1000.0)
                + " s (including the minimization of the failing scenario)\n\n";
    }

    private static String text(Throwable failure) {
        if (failure instanceof AssertionError && failure.getMessage() != null) {
            return failure.getMessage() + "\n";
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the old report " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("cannot write the Lincheck report " + file + ": " + e);
        }
    }
}
