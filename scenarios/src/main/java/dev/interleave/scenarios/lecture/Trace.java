package dev.interleave.scenarios.lecture;

import dev.interleave.scenarios.record.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The steps of a run judged by its scenario (child processes, a watchdog), in the order the
 * parent saw them: who (a thread or a process), what, and the state after it, as the lecture's
 * table shows them.
 */
final class Trace {
    private final List<Recording.Step> steps = new ArrayList<>();
    private final Supplier<String> state;

    /** @param state the state column after each step; null for none */
    public Trace(Supplier<String> state) {
        this.state = state;
    }

    /** A step. */
    public void step(String who, String operation) {
        add(who, operation, "step");
    }

    /** A step that started and waits. */
    public void blocked(String who, String operation) {
        add(who, operation, "blocked");
    }

    /** A note of the harness (a watchdog's finding). */
    public void note(String who, String operation) {
        add(who, operation, "note");
    }

    /** A step, with the state given rather than taken. */
    public synchronized void step(String who, String operation, String stateAfter) {
        steps.add(new Recording.Step(steps.size() + 1, who, operation, stateAfter, "step"));
    }

    /** A step of the given kind ({@code step}, {@code blocked}, {@code woken}, {@code error}, {@code note}). */
    public synchronized void add(String who, String operation, String kind) {
        steps.add(new Recording.Step(steps.size() + 1, who, operation, state == null ? null : state.get(), kind));
    }

    /** The steps so far. */
    public synchronized List<Recording.Step> steps() {
        return List.copyOf(steps);
    }
}
