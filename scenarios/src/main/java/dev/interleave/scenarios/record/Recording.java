package dev.interleave.scenarios.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What one run of a scenario variant found, in the form the report draws it: the lecture's
 * table, one row per step and one column per thread, with the shared state after each step.
 *
 * <p>Written as JSON by {@link Recordings#write(Recording)} to
 * {@code target/interleave/scenarios/<scenario>--<variant>.json}; the report reads it back.
 *
 * @param scenario the scenario's identifier, e.g. {@code bank-account}
 * @param title the lecture's name for the case, e.g. {@code "5. Bank account race"}
 * @param variant the variant's identifier, e.g. {@code unsynchronized}
 * @param expectation what the variant is expected to show
 * @param verdict what this run showed
 * @param implementation the class name of the implementation under test
 * @param summary one sentence: what was found, or that nothing was
 * @param method how it was found: the exploration, the forced schedule or the watchdog, and its size
 * @param schedules how many schedules were run
 * @param threads the thread (task) names, in the table's column order
 * @param stateLabel the name of the shared state column, e.g. {@code "Balance"}; null when none
 * @param steps the interleaving shown (the failing one, or one run of a passing variant)
 * @param outcomes every distinct outcome seen, with how often (e.g. {@code "balance 9000" -> 3})
 * @param waitFor the wait-for graph when threads were stuck; null otherwise
 * @param details anything else the case reports (timings, fairness counts, observed orders)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recording(
        String scenario,
        String title,
        String variant,
        Expectation expectation,
        Verdict verdict,
        String implementation,
        String summary,
        String method,
        long schedules,
        List<String> threads,
        String stateLabel,
        List<Step> steps,
        Map<String, Integer> outcomes,
        WaitForGraph waitFor,
        Map<String, Object> details) {

    /** What a variant is expected to show. */
    public enum Expectation {
        /** The broken version: the harness must find and show the bug, in every run. */
        EXPECTED_FAILURE,
        /** The fixed version: exploration and stress must find nothing. */
        EXPECTED_SUCCESS,
        /** A measurement the contract leaves open (a speed-up, a barging count): reported, not judged. */
        OBSERVATION
    }

    /** What a run showed. */
    public enum Verdict {
        /** An expected failure was found and shown: the scenario passes. */
        FAILURE_SHOWN,
        /** An expected success held: the scenario passes. */
        PASSED,
        /** A measurement was taken. */
        OBSERVED,
        /** An expected failure was not found (the harness lost its power): the scenario fails. */
        FAILURE_NOT_FOUND,
        /** An expected success failed: the scenario fails. */
        FAILED
    }

    /**
     * One step of an interleaving.
     *
     * @param time 1, 2, 3, ... as in the lecture's table
     * @param thread the thread (task) that took the step
     * @param operation what it did, in the lecture's words, e.g. {@code "Read Value (10.000)"}
     * @param state the shared state after the step, e.g. {@code "10.000"}; null when none
     * @param kind what sort of step: {@code step}, {@code blocked} (it started and is waiting),
     *     {@code woken} (a blocked step completed), {@code error} (it threw), {@code note}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int time, String thread, String operation, String state, String kind) {}

    /**
     * Who holds what and who waits for what when threads stopped moving.
     *
     * @param edges every edge: {@code holds} (thread to lock) or {@code waits for} (thread to lock or condition)
     * @param cycle the cycle, as alternating thread and lock names (first repeated last); empty when none
     * @param explanation the lecture's sentence, e.g. "Task 1 holds Lock 1 and waits for Lock 2; ..."
     */
    public record WaitForGraph(List<Edge> edges, List<String> cycle, String explanation) {}

    /**
     * One edge of a wait-for graph.
     *
     * @param from a thread name
     * @param relation {@code holds} or {@code waits for}
     * @param to a lock (or condition) name
     * @param sinceMillis how long the relation had held when the graph was taken
     */
    public record Edge(String from, String relation, String to, long sinceMillis) {}
}
