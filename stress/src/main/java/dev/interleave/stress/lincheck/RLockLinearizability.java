package dev.interleave.stress.lincheck;

import static dev.interleave.stress.lincheck.Scenario.op;

import dev.interleave.primitives.Lock;
import dev.interleave.primitives.RLock;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;

/**
 * {@code rlock()} behaves like a reentrant lock, one call at a time: the owner may acquire again,
 * each acquire needs its release, and {@code holdCount()} tells the caller's holds. The operations
 * and scenarios of {@link LockLinearizability}, plus {@code holdCount()} and scenarios in which the
 * owner acquires again while another thread waits.
 */
public class RLockLinearizability extends LockLinearizability {

    @Override
    protected Lock newLock() {
        return primitives.rlock();
    }

    @Operation
    public int holdCount(@Param(gen = ThreadIdGen.class) int thread) {
        return ((RLock) lock).holdCount();
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return super.configure(options)
                .sequentialSpecification(Sequential.class)
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("acquire"), op("acquire"), op("increment"), op("holdCount"),
                                op("release"), op("release"))
                        .thread(op("acquire"), op("increment"), op("holdCount"), op("release"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("acquire"), op("holdAndIncrement"), op("release"))
                        .thread(op("tryAcquire"), op("tryAcquire"), op("holdCount"), op("release"), op("release"))
                        .build());
    }

    /** A reentrant lock, one call at a time. */
    public static class Sequential extends LockLinearizability.Sequential {
        @Override
        protected boolean mayTake(int thread) {
            return owner == NOBODY || owner == thread;
        }

        public int holdCount(int thread) {
            return owner == thread ? holds : 0;
        }
    }
}
