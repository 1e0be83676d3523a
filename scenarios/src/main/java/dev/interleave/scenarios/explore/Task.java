package dev.interleave.scenarios.explore;

import dev.interleave.primitives.Held;
import dev.interleave.primitives.Lock;
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
     * The lecture's {@code with lock:} as two steps, the acquire now and the release when the
     * returned {@link Held} is closed: {@code try (Held held = t.with(lock)) { ... }}.
     */
    default Held with(Lock lock) throws Exception {
        Held held = call("with lock: (lock.acquire())", lock::hold);
        return () -> {
            try {
                run("end of with: (lock.release())", held::close);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
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
