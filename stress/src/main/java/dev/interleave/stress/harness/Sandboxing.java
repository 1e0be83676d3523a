package dev.interleave.stress.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries a grader's sandbox into the JVMs a test starts. When this JVM runs submission code under
 * a security manager named on its command line ({@code -Djava.security.manager=<class>} with the
 * submission's location in {@value #SUBMISSION_PROPERTY}), every JVM started for a test (jcstress's
 * forks, the scenarios' child processes) must run under the same one, or the submission would run
 * unguarded there.
 */
public final class Sandboxing {
    /** The system property naming the submission's location (read by the grader's security manager). */
    public static final String SUBMISSION_PROPERTY = "interleave.sandbox.submission";

    private Sandboxing() {}

    /** The JVM options that put a child JVM in this JVM's sandbox; empty when this JVM has none. */
    public static List<String> jvmOptions() {
        String manager = System.getProperty("java.security.manager");
        String submission = System.getProperty(SUBMISSION_PROPERTY);
        List<String> options = new ArrayList<>();
        if (manager != null && !manager.isBlank() && submission != null && !submission.isBlank()) {
            options.add("-Djava.security.manager=" + manager);
            options.add("-D" + SUBMISSION_PROPERTY + "=" + submission);
        }
        return options;
    }
}
