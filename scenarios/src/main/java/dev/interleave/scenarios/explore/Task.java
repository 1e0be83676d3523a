package dev.interleave.scenarios.explore;

import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What a task's body uses to take steps. Each step is one move of the schedule: the task waits
 * until the explorer lets it go, runs the step's action, and the step is recorded with the
 * shared state after it. Code between steps is the task's own (local variables) and is not
 * interleaved.
 */
public interface Task {

    /** The task's name, as in the lecture's table ("Thread 1 (your company)"). */
    String name();

    /** A step that computes a value; the row reads {@code describe(value)}. */
    <T> T call(String operation, Callable<T> action, Function<? super T, String> describe) throws Exception;

    /** A step that computes a value; the row reads {@code operation}. */
    default <T> T call(String operation, Callable<T> action) throws Exception {
        return call(operation, action, value -> operation);
    }

    /** A step that does something; the row reads {@code operation}. */
    default void run(String operation, Action action) throws Exception {
        call(operation, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Backs off: the task takes no step for the next {@code turns} moves of the schedule (the
     * cooperative form of sleeping a random time).
     */
    void pause(int turns) throws Exception;

    /** A step's action. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** A task's code. */
    @FunctionalInterface
    interface Body {
        void run(Task task) throws Exception;
    }
}
