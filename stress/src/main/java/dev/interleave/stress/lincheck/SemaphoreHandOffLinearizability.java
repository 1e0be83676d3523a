package dev.interleave.stress.lincheck;

import static dev.interleave.stress.lincheck.Scenario.op;

import org.jetbrains.lincheck.datastructures.Options;

/**
 * {@code semaphore(1)} when a release wakes a waiter and a third thread barges in: the
 * operations and specification of {@link SemaphoreLinearizability}, in hand-written scenarios
 * only (see {@link Scenario}).
 *
 * <p>A waiter that was woken by a release has not got the permit yet: until it runs, any thread
 * may take the permit with {@code tryAcquire()}. A correct semaphore's waiter then finds no
 * permit and waits again; one that trusts its wake-up (an {@code if} where a {@code while}
 * belongs) takes a permit that is not there, and {@code availablePermits()} goes below zero,
 * which no sequential order explains. Model checking chooses where the threads switch, so it
 * finds that interleaving every time it is there to find.
 *
 * <p>In every scenario each waiter is eventually let through: the releases outnumber the
 * permits the other threads keep. The waiters wait without a timeout: Lincheck 3.7 models a timed
 * {@code Object.wait} as returning at once without letting other threads take the monitor, so a
 * correct monitor-based semaphore would be reported as livelocked.
 */
public class SemaphoreHandOffLinearizability extends SemaphoreLinearizability {

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return handOffScenarios(options.sequentialSpecification(Sequential.class), getClass());
    }

    /** The hand-written scenarios on the operations of {@code test}, and no random ones. */
    static <O extends Options<O, ?>> O handOffScenarios(O options, Class<?> test) {
        return options.iterations(0)
                .addCustomScenario(Scenario.of(test)
                        .initially(op("tryAcquire"))
                        .thread(op("acquire"), op("availablePermits"), op("release"))
                        .thread(op("release"))
                        .thread(op("tryAcquire"), op("release"))
                        .afterwards(op("availablePermits"))
                        .build())
                .addCustomScenario(Scenario.of(test)
                        .initially(op("tryAcquire"))
                        .thread(op("acquire"), op("increment"), op("release"))
                        .thread(op("acquire"), op("increment"), op("release"))
                        .thread(op("release"))
                        .afterwards(op("availablePermits"))
                        .build());
    }
}
