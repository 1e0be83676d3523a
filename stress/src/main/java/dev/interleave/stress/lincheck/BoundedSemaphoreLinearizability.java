package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Semaphore;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * {@code boundedSemaphore(1)}: the operations and scenarios of {@link SemaphoreLinearizability},
 * except that a release past the initial permits throws {@link IllegalStateException} and changes
 * nothing.
 */
public class BoundedSemaphoreLinearizability extends SemaphoreLinearizability {
    @Override
    protected Semaphore newSemaphore() {
        return primitives.boundedSemaphore(PERMITS);
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return super.configure(options).sequentialSpecification(Sequential.class);
    }

    /** A bounded semaphore, one call at a time. */
    public static class Sequential extends SemaphoreLinearizability.Sequential {
        @Override
        public void release() {
            if (permits == PERMITS) {
                throw new IllegalStateException();
            }
            super.release();
        }
    }
}
