package dev.interleave.reports.grade;

import dev.interleave.reports.grade.child.CheckInfo;

/**
 * The verdict on one check, as the grader concluded it: from an authentic record of the child, or
 * from what the grader saw itself (the child died in it, it ran too long, it never ran).
 *
 * @param check the check
 * @param status {@code passed}, {@code failed} or {@code skipped} (disabled for every implementation)
 * @param message one line: what went wrong
 * @param detail the rest: the interleaving, the stack trace, the thread dump
 * @param seconds how long it ran
 */
public record CheckResult(CheckInfo check, String status, String message, String detail, double seconds) {

    public boolean passed() {
        return status.equals("passed");
    }

    public boolean failed() {
        return status.equals("failed");
    }

    /** Whether it failed because the submission does not implement what it needs. */
    public boolean notImplemented() {
        return failed() && ((message != null && message.contains("not implemented"))
                || (detail != null && detail.contains("java.lang.UnsupportedOperationException")));
    }

    static CheckResult failed(CheckInfo check, String message, String detail, double seconds) {
        return new CheckResult(check, "failed", message, detail, seconds);
    }
}
