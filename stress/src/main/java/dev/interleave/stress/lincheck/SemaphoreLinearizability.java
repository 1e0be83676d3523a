package dev.interleave.stress.lincheck;

import static dev.interleave.stress.lincheck.Scenario.op;

import dev.interleave.primitives.Semaphore;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * {@code semaphore(1)} behaves like a counter of permits, one call at a time: {@code tryAcquire}
 * takes a permit if there is one, {@code release} adds one (a plain semaphore may grow past its
 * initial permits), {@code availablePermits} tells how many are left.
 *
 * <p>One permit, so that two threads compete for it. Random scenarios use the operations that
 * never wait. The waiting ones ({@code acquire()}, and under stress {@code tryAcquire(timeout)})
 * run in hand-written scenarios (see {@link Scenario}) in which a release always comes, and in which a
 * thread that got the permit increments a plain counter ({@code increment}): with one permit that
 * is a critical section, so a semaphore that lets two threads in loses an update.
 */
public class SemaphoreLinearizability extends LinearizabilityTest {
    /** The initial permits. */
    static final int PERMITS = 1;

    private final Semaphore semaphore = newSemaphore();

    private int counter;   // plain field: only the semaphore protects it

    /** The semaphore under test, with {@link #PERMITS} permits. */
    protected Semaphore newSemaphore() {
        return primitives.semaphore(PERMITS);
    }

    @Operation
    public boolean tryAcquire() {
        return semaphore.tryAcquire();
    }

    @Operation
    public boolean tryAcquireWithoutWaiting() throws InterruptedException {
        return semaphore.tryAcquire(0, MS);
    }

    @Operation
    public void release() {
        semaphore.release();
    }

    @Operation
    public int availablePermits() {
        return semaphore.availablePermits();
    }

    // Hand-written scenarios only: these wait.

    public void acquire() throws InterruptedException {
        semaphore.acquire();
    }

    public boolean tryAcquireWaiting() throws InterruptedException {
        return semaphore.tryAcquire(NEVER, MS);
    }

    /** The critical section of a one-permit semaphore: a read and a write of a plain field. */
    public int increment() {
        return ++counter;
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return options.sequentialSpecification(Sequential.class)
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("acquire"), op("increment"), op("release"))
                        .thread(op("acquire"), op("increment"), op("release"),
                                op("acquire"), op("increment"), op("release"))
                        .afterwards(op("availablePermits"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .initially(op("tryAcquire"))
                        .thread(op("acquire"), op("availablePermits"))
                        .thread(op("release"))
                        .afterwards(op("availablePermits"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .initially(op("tryAcquire"))
                        .thread(op("acquire"), op("increment"), op("release"))
                        .thread(op("acquire"), op("increment"), op("release"))
                        .thread(op("release"))
                        .build());
    }

    @Override
    protected List<Scenario> timedScenarios() {
        return List.of(Scenario.of(getClass())
                .initially(op("tryAcquire"))
                .thread(op("acquire"), op("increment"), op("release"))
                .thread(op("tryAcquireWaiting"), op("increment"), op("release"))
                .thread(op("release"))
                .afterwards(op("availablePermits")));
    }

    /** A counting semaphore, one call at a time. */
    public static class Sequential {
        protected int permits = PERMITS;
        private int counter;

        public boolean tryAcquire() {
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        }

        public boolean tryAcquireWithoutWaiting() {
            return tryAcquire();
        }

        public void release() {
            permits++;
        }

        public int availablePermits() {
            return permits;
        }

        public void acquire() {
            if (!tryAcquire()) {
                throw new WouldBlock();
            }
        }

        public boolean tryAcquireWaiting() {
            acquire();
            return true;
        }

        public int increment() {
            return ++counter;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sequential that && that.getClass() == getClass()
                    && permits == that.permits && counter == that.counter;
        }

        @Override
        public int hashCode() {
            return permits * 31 + counter;
        }
    }
}
