package dev.interleave.reports.grade;

/** The submission cannot be graded; the message says why, for the student. */
public final class InvalidSubmissionException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSubmissionException(String message) {
        super(message);
    }
}
