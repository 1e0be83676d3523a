package dev.interleave.scenarios.lecture;

import dev.interleave.scenarios.record.Recording;
import java.util.ArrayList;
import java.util.List;

/**
 * What the threads of a real run (not an explored one) said, in the order they said it, as the
 * lecture prints it ("Thread-2 acquired lock.", "Thread-2 waiting (released lock)."): the rows
 * of the recording's table. A thread notes a line while it holds the lock it talks about, so the
 * order of the lines is the order of the critical sections.
 */
final class RealThreadsLog {
    private final List<String> threads;
    private final List<Recording.Step> steps = new ArrayList<>();

    /** @param threads the columns of the table, in order */
    RealThreadsLog(List<String> threads) {
        this.threads = List.copyOf(threads);
    }

    /** Notes that {@code thread} did {@code operation}; {@code state} is the shared state after it (or null). */
    synchronized void note(String thread, String operation, Object state) {
        steps.add(new Recording.Step(steps.size() + 1, thread, operation, state == null ? null : String.valueOf(state),
                "step"));
    }

    /** Notes a step of a thread that is now blocked (waiting). */
    synchronized void noteBlocked(String thread, String operation, Object state) {
        steps.add(new Recording.Step(steps.size() + 1, thread, operation, state == null ? null : String.valueOf(state),
                "blocked"));
    }

    synchronized List<Recording.Step> steps() {
        return List.copyOf(steps);
    }

    List<String> threads() {
        return threads;
    }
}
