package dev.interleave.stress.harness;

import java.util.List;

/** Ends a process with every process it started: jcstress's forks, a scenario's child JVMs, a grader's children. */
public final class ProcessTrees {
    private ProcessTrees() {}

    /**
     * Kills {@code root} and its descendants ({@code destroyForcibly}). The descendants are listed
     * first and the root killed next, so that it starts no more; then the listed ones go. Does not
     * wait: a caller that must know the tree is gone waits on the root.
     */
    public static void destroy(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
