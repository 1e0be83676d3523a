package dev.interleave.scenarios.explore;

import dev.interleave.scenarios.record.Recording;
import java.util.List;
import java.util.Map;

/**
 * What an {@link Explorer} found.
 *
 * @param schedules how many schedules were run
 * @param exhausted whether every schedule within the bounds was run (not cut by the cap or by a failure)
 * @param options the bounds
 * @param outcomes every distinct end state seen, with how many schedules reached it
 * @param first the first run (the schedule with no preemption)
 * @param failure the first run that failed, or null
 * @param millis how long the exploration took
 */
public record Exploration(
        int schedules,
        boolean exhausted,
        Options options,
        Map<String, Integer> outcomes,
        Explorer.Run first,
        Explorer.Run failure,
        long millis) {

    /** Whether some schedule failed. */
    public boolean failed() {
        return failure != null;
    }

    /** How the failing run ended, or null. */
    public Explorer.Ending failureEnding() {
        return failure == null ? null : failure.ending;
    }

    /** What went wrong in the failing run, in the lecture's words, or null. */
    public String failureMessage() {
        return failure == null ? null : failure.failure;
    }

    /** The run to show: the failing one, else the first. */
    public Explorer.Run shown() {
        return failure != null ? failure : first;
    }

    /** The steps of the run to show. */
    public List<Recording.Step> steps() {
        return shown().steps();
    }

    /** The wait-for graph of the failing run when it got stuck, else null. */
    public Recording.WaitForGraph waitFor() {
        return failure == null ? null : failure.graph;
    }

    /** One sentence on how the schedules were explored. */
    public String method() {
        if (options.roundRobin()) {
            return "forced lock-step schedule (every task in turn, one step each), " + first.steps().size() + " steps";
        }
        return "systematic exploration: " + schedules + " schedule(s) of at most " + options.preemptionBound()
                + " preemption(s)" + (exhausted ? ", all of them" : failed() ? ", stopped at the first failure"
                        : ", cut at " + options.maxSchedules()) + ", in " + millis + " ms";
    }
}
