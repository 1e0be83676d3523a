package dev.interleave.stress.jcstress.gate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;

/**
 * The verdict on one jcstress test: its outcomes across every JVM configuration it ran in,
 * graded by jcstress's own rules ({@link TestGrading}), and what went wrong if anything did.
 *
 * @param name the test's class name
 * @param description the test's {@code @Description}
 * @param kind passed, failed (a FORBIDDEN outcome was seen) or error (the test did not run to the end)
 * @param findings what went wrong, one line each (each forbidden outcome seen, or the error); empty when
 *        the test passed
 * @param details the evidence: each forbidden outcome per configuration, or jcstress's messages
 * @param histogram every outcome, declared or seen, with its count and grade
 * @param configurations the JVM configurations the test ran in
 */
record TestVerdict(
        String name,
        String description,
        Kind kind,
        List<String> findings,
        String details,
        List<Row> histogram,
        List<String> configurations) {

    /** How a test ended. */
    enum Kind { PASSED, FAILED, ERROR }

    /**
     * One line of a test's outcome histogram.
     *
     * @param outcome the outcome as jcstress prints it, e.g. {@code 1, 0}
     * @param expect its grade
     * @param count how often it was seen, across all configurations
     * @param description what it means
     */
    record Row(String outcome, Expect expect, long count, String description) {
        /** Whether seeing this outcome fails the test. */
        boolean fails() {
            return count > 0 && (expect == Expect.FORBIDDEN || expect == Expect.UNKNOWN);
        }
    }

    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("^(Caused by: )?[\\w$.]+(Exception|Error|Throwable)(: .*)?$");

    /** The verdict on a test that did not run at all. */
    static TestVerdict notRun(TestInfo test, String reason) {
        return new TestVerdict(test.name(), describe(test), Kind.ERROR, List.of("did not run: " + reason), "",
                List.of(), List.of());
    }

    /** The verdict on a test from its results, one per JVM configuration it ran in. */
    static TestVerdict of(TestInfo test, List<TestResult> results) {
        TestResult merged = ReportUtils.mergedByName(results).get(0);
        List<Row> histogram = histogram(TestGrading.grade(merged));
        List<Row> forbidden = histogram.stream().filter(Row::fails).toList();
        List<TestResult> broken = results.stream().filter(r -> r.status() != Status.NORMAL).toList();
        List<String> configurations = results.stream().map(TestVerdict::configuration).distinct().toList();
        if (!forbidden.isEmpty()) {
            return new TestVerdict(test.name(), describe(test), Kind.FAILED, forbiddenFindings(forbidden, results),
                    forbiddenDetails(forbidden, results) + errorDetails(broken), histogram, configurations);
        }
        if (!broken.isEmpty()) {
            return new TestVerdict(test.name(), describe(test), Kind.ERROR, List.of(errorMessage(broken.get(0))),
                    errorDetails(broken), histogram, configurations);
        }
        if (merged.getTotalCount() == 0) {
            return new TestVerdict(test.name(), describe(test), Kind.ERROR,
                    List.of("ran, but recorded no outcome at all"), "", histogram, configurations);
        }
        return new TestVerdict(test.name(), describe(test), Kind.PASSED, List.of(), "", histogram, configurations);
    }

    /** What went wrong, in one line: the first finding, and how many more there are. */
    String message() {
        if (findings.isEmpty()) {
            return "";
        }
        return findings.size() == 1 ? findings.get(0) : findings.get(0) + " (and " + (findings.size() - 1) + " more)";
    }

    /** The test's simple class name, e.g. {@code Lock_01_LostUpdate}. */
    String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The total number of outcomes recorded. */
    long samples() {
        return histogram.stream().mapToLong(Row::count).sum();
    }

    /** The histogram as a table, like jcstress's console report. */
    String histogramTable() {
        long total = Math.max(1, samples());
        int idWidth = Math.max("RESULT".length(),
                histogram.stream().mapToInt(r -> r.outcome().length()).max().orElse(0));
        StringBuilder table = new StringBuilder();
        String format = "  %-" + idWidth + "s  %,14d  %7s  %-22s  %s\n";
        table.append(String.format(Locale.ROOT, "  %-" + idWidth + "s  %14s  %7s  %-22s  %s\n",
                "RESULT", "SAMPLES", "FREQ", "EXPECT", "DESCRIPTION"));
        for (Row row : histogram) {
            table.append(String.format(Locale.ROOT, format, row.outcome(), row.count(),
                    String.format(Locale.ROOT, "%.2f%%", 100.0 * row.count() / total), row.expect().name(),
                    row.description()));
        }
        return table.toString();
    }

    private static List<Row> histogram(TestGrading grading) {
        List<Row> rows = new ArrayList<>();
        for (GradingResult result : grading.gradingResults.values()) {
            String description = result.description == null ? "" : result.description;
            rows.add(new Row(result.id, result.expect, result.count, description));
        }
        return rows;
    }

    private static List<String> forbiddenFindings(List<Row> forbidden, List<TestResult> results) {
        List<String> findings = new ArrayList<>();
        for (Row row : forbidden) {
            long configurationsSeen = results.stream().filter(r -> r.getCount(row.outcome()) > 0).count();
            findings.add(String.format(Locale.ROOT,
                    "%s outcome \"%s\" seen %,d times (in %d of %d JVM configurations): %s",
                    row.expect().name(), row.outcome(), row.count(), configurationsSeen, results.size(),
                    row.description()));
        }
        return findings;
    }

    private static String forbiddenDetails(List<Row> forbidden, List<TestResult> results) {
        StringBuilder details = new StringBuilder();
        for (Row row : forbidden) {
            details.append(String.format(Locale.ROOT, "%s outcome \"%s\" seen %,d times: %s\n",
                    row.expect().name(), row.outcome(), row.count(), row.description()));
            for (TestResult result : results) {
                long count = result.getCount(row.outcome());
                if (count > 0) {
                    details.append(String.format(Locale.ROOT, "    %,d times of %,d in %s\n",
                            count, result.getTotalCount(), configuration(result)));
                }
            }
        }
        return details.toString();
    }

    private static String errorMessage(TestResult result) {
        String cause = cause(result);
        return meaning(result.status()) + (cause.isEmpty() ? "" : ": " + cause);
    }

    private static String errorDetails(List<TestResult> broken) {
        StringBuilder details = new StringBuilder();
        for (TestResult result : broken) {
            details.append(result.status()).append(" in ").append(configuration(result)).append("\n");
            for (String line : result.getMessages()) {
                details.append("    ").append(line).append("\n");
            }
            for (String line : result.getVmErr()) {
                details.append("    [stderr] ").append(line).append("\n");
            }
        }
        return details.toString();
    }

    /** What jcstress's status means, for a reader who has not seen jcstress's sources. */
    private static String meaning(Status status) {
        return switch (status) {
            case CHECK_TEST_ERROR -> "the test could not start: making its state or a first run of its actors threw";
            case TEST_ERROR -> "the test threw while it ran (making its state, or an actor)";
            case TIMEOUT_ERROR -> "the test did not finish in time: an actor hung";
            case VM_ERROR -> "the JVM running the test failed";
            case API_MISMATCH -> "the test could not be linked: a class or method it needs is missing";
            case NORMAL -> "ran normally";
        };
    }

    /** The most telling exception line among jcstress's messages: the root cause if there is one. */
    private static String cause(TestResult result) {
        Set<String> exceptions = new LinkedHashSet<>();
        for (String line : result.getMessages()) {
            String trimmed = line.trim();
            if (EXCEPTION_LINE.matcher(trimmed).matches()) {
                exceptions.add(trimmed.replaceFirst("^Caused by: ", ""));
            }
        }
        if (exceptions.isEmpty()) {
            return result.getMessages().isEmpty() ? "" : result.getMessages().get(0);
        }
        List<String> chain = List.copyOf(exceptions);
        String first = chain.get(0);
        String root = chain.get(chain.size() - 1);
        String text = first.equals(root) ? first : first + " (caused by " + root + ")";
        boolean unsupported = chain.stream().anyMatch(e -> e.startsWith(UnsupportedOperationException.class.getName()));
        return unsupported ? "not implemented: " + text : text;
    }

    private static String configuration(TestResult result) {
        List<String> args = result.getConfig().jvmArgs.stream()
                .filter(arg -> !arg.startsWith("-Dinterleave."))
                .toList();
        return "JVM " + args + ", fork #" + (result.getConfig().forkId + 1);
    }

    private static String describe(TestInfo test) {
        return test.description() == null ? "" : test.description();
    }
}
