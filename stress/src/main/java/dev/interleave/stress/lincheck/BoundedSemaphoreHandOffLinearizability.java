package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Semaphore;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * {@code boundedSemaphore(1)} when a release wakes a waiter and a third thread barges in: the
 * scenarios of {@link SemaphoreHandOffLinearizability} against the specification of
 * {@link BoundedSemaphoreLinearizability} (a release past the bound throws
 * {@link IllegalStateException} and changes nothing, which these scenarios provoke too: two
 * releases of one missing permit).
 */
public class BoundedSemaphoreHandOffLinearizability extends SemaphoreLinearizability {

    @Override
    protected Semaphore newSemaphore() {
        return primitives.boundedSemaphore(PERMITS);
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return SemaphoreHandOffLinearizability.handOffScenarios(
                options.sequentialSpecification(BoundedSemaphoreLinearizability.Sequential.class), getClass());
    }
}
