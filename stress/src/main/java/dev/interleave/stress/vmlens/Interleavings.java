package dev.interleave.stress.vmlens;

import com.vmlens.api.AllInterleavings;
import com.vmlens.api.AllInterleavingsBuilder;
import dev.interleave.stress.harness.CheckedRunnable;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ImplementationUnderTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one small scenario under vmlens once for every interleaving of its threads' shared
 * memory and synchronization actions, up to a cap on the runs and a time budget.
 *
 * <p>The exploration is named after the scenario and the implementation under test, so the
 * vmlens report ({@code target/vmlens-report/index.html}) lists, for instance,
 * {@code Condition hand-off [dev.interleave.stress.vmlens.JdkLockPrimitives]}; the number of runs
 * and the time are printed to standard output, which Surefire keeps in the test report.
 *
 * <p>Without the vmlens agent an exploration runs no interleaving at all and would pass
 * without having tested anything. So it never passes then: the scenario is skipped when it was
 * started outside the vmlens step of the build (which sets {@value #UNDER_VMLENS_PROPERTY}), and
 * fails when that step started it but the agent is missing.
 */
public final class Interleavings {
    /** Set to {@code true} by the build's vmlens step; the scenarios are skipped elsewhere. */
    public static final String UNDER_VMLENS_PROPERTY = "interleave.vmlens";

    /** The most interleavings explored per scenario ({@value #DEFAULT_MAX_ITERATIONS} if unset). */
    public static final String MAX_ITERATIONS_PROPERTY = "interleave.vmlens.maxIterations";

    /**
     * Every interleaving of the condition, event and semaphore scenarios on
     * {@code ReentrantLock}-based code (7 to 9 runs each), and most of the queue scenario's
     * (vmlens counted 43 to 53 in all, at a tenth to a quarter of a second each).
     */
    public static final int DEFAULT_MAX_ITERATIONS = 40;

    /**
     * How long one exploration may go on: {@link Delays#LONG_DELAY_MS}, half the bound of the
     * test method. The exploration stops after the run that passes it, so that code vmlens
     * follows only slowly (code that parks threads itself or waits on monitors: up to seconds a
     * run) ends with a verdict on the runs made instead of a hang. vmlens marks such a stopped
     * exploration "Failure" in its report although no run failed; the line printed says why.
     */
    private static final long TIME_BUDGET_MS = Delays.LONG_DELAY_MS;

    private Interleavings() {}

    /**
     * Runs {@code oneRun} once per interleaving. {@code oneRun} starts its threads with
     * {@link Party#start}, joins them with {@link Party#finish}, and asserts the outcome itself.
     *
     * @return the number of runs vmlens made
     */
    public static int explore(String scenario, CheckedRunnable oneRun) throws Throwable {
        String name = scenario + " [" + ImplementationUnderTest.name() + "]";
        int cap = maxIterations();
        long start = System.nanoTime();
        int runs = 0;
        boolean outOfTime = false;
        try (AllInterleavings interleavings = new AllInterleavingsBuilder().withMaximumIterations(cap).build(name)) {
            while (interleavings.hasNext()) {
                runs++;
                oneRun.run();
                if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(TIME_BUDGET_MS)) {
                    outOfTime = true;
                    break;
                }
            }
        }
        if (runs == 0) {
            Assumptions.assumeTrue(Boolean.getBoolean(UNDER_VMLENS_PROPERTY),
                    "runs only under the vmlens agent: mvn verify in the stress module");
            Assertions.fail("vmlens explored no interleaving of " + name
                    + ": the vmlens agent is not attached to this JVM");
        }
        String stop = outOfTime ? " (stopped by the time budget of " + TIME_BUDGET_MS + " ms)"
                : runs >= cap ? " (the cap: -D" + MAX_ITERATIONS_PROPERTY + "=" + cap + ")" : "";
        System.out.printf("vmlens explored %d interleaving(s)%s of %s in %.1f s%n", runs, stop, name,
                (System.nanoTime() - start) / 1e9);
        return runs;
    }

    private static int maxIterations() {
        String value = System.getProperty(MAX_ITERATIONS_PROPERTY, "");
        if (value.isBlank()) {
            return DEFAULT_MAX_ITERATIONS;
        }
        try {
            int cap = Integer.parseInt(value.trim());
            if (cap > 0) {
                return cap;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + MAX_ITERATIONS_PROPERTY + " must be a positive number, was " + value);
    }
}
