package dev.interleave.stress.jcstress.gate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one run of the gate does, read from system properties (the build passes them on from
 * its own properties of the same names).
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code jcstress.mode}</td><td>{@code quick}</td><td>{@code quick}: two JVM
 *       configurations per test, about 2 s per test; {@code long}: jcstress's {@code -m quick}
 *       preset, every JVM configuration it finds (interpreter, C1, C2, split compilation,
 *       stress flags), about 40 s per test on a quiet machine</td></tr>
 *   <tr><td>{@code jcstress.filter}</td><td>every test of {@code dev.interleave.stress.jcstress}</td>
 *       <td>a regular expression found in a test's class name, like jcstress's {@code -t}</td></tr>
 *   <tr><td>{@code jcstress.timeout}</td><td>from the mode and the number of tests</td>
 *       <td>the wall-clock budget in seconds; past it, jcstress is killed and the run fails</td></tr>
 *   <tr><td>{@code jcstress.args}</td><td>empty</td><td>jcstress options that replace the
 *       mode's preset, e.g. {@code "-m default"}</td></tr>
 *   <tr><td>{@code jcstress.resultsDirectory}</td><td>{@code target/jcstress-results}</td>
 *       <td>jcstress's HTML report, its results file and its console output</td></tr>
 *   <tr><td>{@code jcstress.reportsDirectory}</td><td>{@code target/jcstress-reports}</td>
 *       <td>where the JUnit XML report is written</td></tr>
 *   <tr><td>{@code interleave.primitives}, {@code interleave.classpath},
 *       {@code interleave.basedir}, {@code interleave.timeFactor}</td><td></td><td>the
 *       implementation under test and the harness's time factor, passed to every jcstress
 *       JVM</td></tr>
 * </table>
 *
 * @param mode the preset: {@code quick} or {@code long}
 * @param filter the regular expression that selects the tests
 * @param budget the wall-clock bound of the whole jcstress run; {@code null} to derive it from the mode
 * @param customArgs jcstress options replacing the mode's preset; empty for the preset
 * @param resultsDirectory where jcstress writes its HTML report and results file
 * @param reportsDirectory where the JUnit XML report goes
 * @param primitives {@code interleave.primitives} as given (may be empty)
 * @param implementationClasspath {@code interleave.classpath} as given (may be empty)
 * @param basedir {@code interleave.basedir} as given (may be empty)
 * @param timeFactor {@code interleave.timeFactor}, 1 when not given
 */
public record GateSettings(
        String mode,
        String filter,
        Duration budget,
        List<String> customArgs,
        Path resultsDirectory,
        Path reportsDirectory,
        String primitives,
        String implementationClasspath,
        String basedir,
        double timeFactor) {

    /** Every test of the battery: the package the jcstress tests live in. */
    public static final String DEFAULT_FILTER = "^dev\\.interleave\\.stress\\.jcstress\\.";

    /** The default preset: two JVM configurations per test. */
    public static final String QUICK = "quick";

    /** The long preset: every JVM configuration jcstress finds. */
    public static final String LONG = "long";

    private static final Duration STARTUP = Duration.ofSeconds(60);

    /** The settings given as system properties. */
    public static GateSettings fromSystemProperties() {
        String mode = property("jcstress.mode", QUICK).toLowerCase(Locale.ROOT);
        if (!mode.equals(QUICK) && !mode.equals(LONG)) {
            throw new IllegalArgumentException("-Djcstress.mode=" + mode + " is neither " + QUICK + " nor " + LONG);
        }
        String timeout = property("jcstress.timeout", "");
        Duration budget = null;
        if (!timeout.isEmpty()) {
            try {
                budget = Duration.ofSeconds(Long.parseLong(timeout));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-Djcstress.timeout=" + timeout + " is not a number of seconds", e);
            }
        }
        String args = property("jcstress.args", "");
        return new GateSettings(
                mode,
                property("jcstress.filter", DEFAULT_FILTER),
                budget,
                args.isEmpty() ? List.of() : List.of(args.split("\\s+")),
                Path.of(property("jcstress.resultsDirectory", "target/jcstress-results")).toAbsolutePath(),
                Path.of(property("jcstress.reportsDirectory", "target/jcstress-reports")).toAbsolutePath(),
                property("interleave.primitives", ""),
                property("interleave.classpath", ""),
                property("interleave.basedir", ""),
                timeFactor(property("interleave.timeFactor", "1")));
    }

    /** jcstress's options for the mode, unless {@code jcstress.args} replaced them. */
    public List<String> presetArgs() {
        if (!customArgs.isEmpty()) {
            return customArgs;
        }
        if (mode.equals(LONG)) {
            return List.of("-m", "quick");
        }
        // One JVM configuration (-jvmArgs turns off the search for more, -sc false the split
        // compilation; jcstress still runs it with and without biased locking), one fork each and
        // one 300 ms iteration: about 2 s per test on 2 cores. Strides of 256 states, as in
        // jcstress's own presets, keep the samples coming when other processes load the machine
        // (sanity's strides of 1 state then fall to a few dozen samples).
        return List.of("-m", "sanity", "-f", "1", "-iters", "1", "-time", "300", "-sc", "false",
                "-jvmArgs", "-Xmx256m", "-strideSize", "256", "-strideCount", "4");
    }

    /** The wall-clock bound of a run of {@code tests} tests. */
    public Duration budgetFor(int tests) {
        if (budget != null) {
            return budget;
        }
        // About 5 times what a test takes on a quiet machine: a loaded one is that much slower.
        long perTestSeconds = mode.equals(LONG) || !customArgs.isEmpty() ? 300 : 10;
        Duration estimate = STARTUP.plusSeconds(perTestSeconds * tests);
        return Duration.ofMillis(Math.round(estimate.toMillis() * Math.max(1, timeFactor)));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static double timeFactor(String value) {
        try {
            double factor = Double.parseDouble(value);
            if (factor > 0 && Double.isFinite(factor)) {
                return factor;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-Dinterleave.timeFactor=" + value + " is not a positive number");
    }
}
