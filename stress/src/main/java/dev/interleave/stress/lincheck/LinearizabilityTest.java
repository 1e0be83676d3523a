package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Primitives;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ImplementationUnderTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every Lincheck test shares: the implementation under test, and the two checks, model
 * checking and stress, each within the budget of {@link LincheckRun}.
 *
 * <p>A subclass is at once the Lincheck test class (its {@code @Operation} methods are one-line
 * delegations to the primitive) and a JUnit test class. Lincheck makes a new instance for every
 * run of a scenario, so every instance gets a fresh primitive from {@link Primitives#load()}
 * (through {@link ImplementationUnderTest}, which turns a primitive the implementation does not
 * provide into {@code "not implemented: <factory method>"}). Nothing is kept in static fields.
 *
 * <p>Each subclass names its sequential specification (a plain class with the same method
 * signatures) and its hand-written scenarios in {@link #configure}, and those with timed waits
 * in {@link #timedScenarios}.
 */
@ExtendWith(ImplementationUnderTest.class)
public abstract class LinearizabilityTest {
    /** A timeout for a timed wait that must end because of another thread, never because time ran out. */
    protected static final long NEVER = 3 * Delays.LONG_DELAY_MS;

    protected static final TimeUnit MS = TimeUnit.MILLISECONDS;

    /** The implementation under test (a fresh instance for every instance of the test). */
    protected final Primitives primitives = ImplementationUnderTest.primitives();

    /** Adds the sequential specification and the hand-written scenarios of this test, for both modes. */
    protected abstract <O extends Options<O, ?>> O configure(O options);

    /**
     * Hand-written scenarios with timed waits ({@code tryAcquire(timeout)}, {@code poll(timeout)},
     * ...), run under stress only. Model checking does not let time pass: {@code System.nanoTime()}
     * stands still and a timed wait may return at once, so a correct timed wait that loops until
     * its deadline would never end there.
     */
    protected List<Scenario> timedScenarios() {
        return List.of();
    }

    @Test
    void linearizableUnderModelChecking() {
        LincheckRun.check(configure(LincheckRun.modelChecking()), getClass());
    }

    @Test
    void linearizableUnderStress() {
        StressOptions options = configure(LincheckRun.stress());
        for (Scenario scenario : timedScenarios()) {
            options.addCustomScenario(scenario.build());
        }
        LincheckRun.check(options, getClass());
    }
}
