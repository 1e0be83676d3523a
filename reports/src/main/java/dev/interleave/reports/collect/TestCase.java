package dev.interleave.reports.collect;

/**
 * One test case of a JUnit XML report (Surefire's, or jcstress's as the stress module writes it).
 *
 * @param module the module whose report it is ({@code stress}, {@code scenarios}, ...)
 * @param run the Surefire run: the report name suffix ({@code MonitorPrimitives}, {@code vmlens}, ...), empty for the default run
 * @param suite the report's test suite name
 * @param className the test case's class name (often a display name, "Lock: lock()")
 * @param name the test case's name
 * @param seconds how long it ran
 * @param status {@code passed}, {@code failed}, {@code error}, {@code skipped} or {@code flaky}
 * @param message the failure's message, or null
 * @param detail the failure's full text (stack trace or trace table), or null
 * @param output the test case's standard output, or null
 */
public record TestCase(String module, String run, String suite, String className, String name, double seconds,
        String status, String message, String detail, String output) {

    /** Whether it failed or erred. */
    public boolean failed() {
        return status.equals("failed") || status.equals("error");
    }
}
