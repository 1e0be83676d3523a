package dev.interleave.reports.grade.child;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record on the verdict channel from a child JVM to the grader.
 *
 * <ul>
 *   <li>{@code start}: {@code check} is about to run;
 *   <li>{@code result}: {@code check} ended with {@code status} ({@code passed}, {@code failed} or
 *       {@code skipped}), {@code message} (its first line) and {@code detail} (the rest: the
 *       failing interleaving, the thread dump...), in {@code seconds};
 *   <li>{@code artifact}: evidence to keep: {@code path} (relative to the report's project tree)
 *       and its {@code content};
 *   <li>{@code note}: a line for the grader's log ({@code message});
 *   <li>{@code done}: the child ran everything it was given.
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(String type, String check, String status, String message, String detail, Double seconds,
        String path, String content) {

    public static Message start(String check) {
        return new Message("start", check, null, null, null, null, null, null);
    }

    public static Message result(String check, String status, String message, String detail, double seconds) {
        return new Message("result", check, status, message, detail, seconds, null, null);
    }

    public static Message artifact(String path, String content) {
        return new Message("artifact", null, null, null, null, null, path, content);
    }

    public static Message note(String message) {
        return new Message("note", null, null, message, null, null, null, null);
    }

    public static Message done() {
        return new Message("done", null, null, null, null, null, null, null);
    }
}
