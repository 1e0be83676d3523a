package dev.interleave.scenarios.explore;

import dev.interleave.stress.harness.Delays;

/**
 * How an {@link Explorer} explores.
 *
 * @param exhaustive every schedule (within the preemption bound and the cap), depth first;
 *     otherwise only the schedule the policy gives
 * @param roundRobin the policy: the next task in turn at every move (the lock-step schedule);
 *     otherwise the task that moved last goes on while it can, then the first in order
 * @param preemptionBound the most switches away from a task that could have gone on
 * @param maxSchedules the cap on schedules run
 * @param maxSteps the most steps in one run before it counts as not finishing
 * @param livelockWindow steps with no progress (see {@link Setup#progress}) that make a livelock
 * @param stopAtFirstFailure stop at the first schedule that fails
 * @param stuckMillis how long no task may move before the run counts as stuck
 */
public record Options(
        boolean exhaustive,
        boolean roundRobin,
        int preemptionBound,
        int maxSchedules,
        int maxSteps,
        int livelockWindow,
        boolean stopAtFirstFailure,
        long stuckMillis) {

    /** Every schedule with at most two preemptions, up to 5 000 schedules; stops at the first failure. */
    public static Options systematic() {
        return new Options(true, false, 2, 5_000, 500, 0, true, defaultStuckMillis());
    }

    /** The one lock-step schedule: every task in turn, one step each. */
    public static Options lockStep(int maxSteps, int livelockWindow) {
        return new Options(false, true, 0, 1, maxSteps, livelockWindow, true, defaultStuckMillis());
    }

    /**
     * How long no task may move before a run counts as stuck: a second (scaled with the time
     * factor), long enough that a released thread the operating system has not yet scheduled on
     * a loaded machine is not taken for a stuck one. Only runs that really are stuck pay it.
     */
    private static long defaultStuckMillis() {
        return Math.max(1_000, Delays.LONG_DELAY_MS / 10);
    }

    /** The same, with a different preemption bound. */
    public Options preemptions(int bound) {
        return new Options(exhaustive, roundRobin, bound, maxSchedules, maxSteps, livelockWindow, stopAtFirstFailure,
                stuckMillis);
    }

    /** The same, with a different cap on schedules. */
    public Options schedules(int cap) {
        return new Options(exhaustive, roundRobin, preemptionBound, cap, maxSteps, livelockWindow, stopAtFirstFailure,
                stuckMillis);
    }

    /** The same, but every schedule is run even after a failure (to list every outcome). */
    public Options allOutcomes() {
        return new Options(exhaustive, roundRobin, preemptionBound, maxSchedules, maxSteps, livelockWindow, false,
                stuckMillis);
    }
}
