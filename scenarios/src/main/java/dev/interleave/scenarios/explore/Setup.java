package dev.interleave.scenarios.explore;

import dev.interleave.scenarios.detect.TrackingPrimitives;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One run's program, built afresh for every schedule by the scenario: the tasks, the shared
 * state to show after each step, and the check of the end state.
 */
public final class Setup {
    final TrackingPrimitives primitives;
    final List<String> names = new ArrayList<>();
    final List<Task.Body> bodies = new ArrayList<>();
    String stateLabel;
    Supplier<?> state;
    Supplier<String> violation = () -> null;
    Supplier<String> outcome = () -> "finished";
    LongSupplier progress;

    Setup(TrackingPrimitives primitives) {
        this.primitives = primitives;
    }

    /**
     * The implementation under test, with every lock, semaphore, event and queue it makes noted
     * in the run's wait-for graph under the name given to it.
     */
    public TrackingPrimitives primitives() {
        return primitives;
    }

    /** Adds a task (a thread of its own, named {@code name}). */
    public Setup task(String name, Task.Body body) {
        names.add(Objects.requireNonNull(name));
        bodies.add(Objects.requireNonNull(body));
        return this;
    }

    /** The shared state to show after each step, under the column {@code label}. */
    public Setup state(String label, Supplier<?> value) {
        this.stateLabel = label;
        this.state = value;
        return this;
    }

    /**
     * The check of the end state, once every task has finished: {@code null} when it holds,
     * else what is wrong, in the lecture's words.
     */
    public Setup check(Supplier<String> violation) {
        this.violation = violation;
        return this;
    }

    /** The end state, in a few words, for the list of outcomes seen (e.g. "balance 9.000"). */
    public Setup outcome(Supplier<String> outcome) {
        this.outcome = outcome;
        return this;
    }

    /**
     * A counter of useful work done (critical sections completed). With it, a run in which
     * tasks keep taking steps but the counter does not move for a window is a livelock.
     */
    public Setup progress(LongSupplier progress) {
        this.progress = progress;
        return this;
    }
}
