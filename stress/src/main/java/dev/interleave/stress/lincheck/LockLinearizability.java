package dev.interleave.stress.lincheck;

import static dev.interleave.stress.lincheck.Scenario.op;

import dev.interleave.primitives.Held;
import dev.interleave.primitives.Lock;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;

/**
 * {@code lock()} behaves like a lock that one thread at a time owns: every concurrent run of its
 * operations gives the results of some sequential run of {@link Sequential}, in an order that
 * respects which call finished before which started.
 *
 * <p>Random scenarios use the operations that never wait: {@code tryAcquire()},
 * {@code tryAcquire(0, ms)}, {@code release()} and {@code isHeldByCurrentThread()}. Ownership
 * belongs to a thread, so every operation takes the number of the thread that calls it
 * ({@link ThreadIdGen}); the real operation ignores it, the specification uses it to know the
 * owner. A release by a thread that does not hold the lock throws
 * {@link IllegalMonitorStateException} in both, and Lincheck compares that like a result.
 * Lincheck runs the parts before and after the threads on the first thread, which would make that
 * thread's number wrong there, so these tests have no such parts.
 *
 * <p>The waiting acquisitions ({@code acquire()}, {@code acquireInterruptibly()}, {@code hold()},
 * and under stress {@code tryAcquire(timeout)}) run in hand-written scenarios (see
 * {@link Scenario}) in which every holder releases, so a correct lock always lets every waiter in. The holder
 * increments a plain counter in its critical section ({@code increment}): if two threads are ever
 * in it together, the count loses an update or two increments return the same number, and no
 * sequential order explains the results.
 */
public class LockLinearizability extends LinearizabilityTest {
    protected final Lock lock = newLock();

    private int counter;   // plain field: only the lock protects it

    /** The lock under test. Called once per instance, before the subclass's own fields are set. */
    protected Lock newLock() {
        return primitives.lock();
    }

    @Operation
    public boolean tryAcquire(@Param(gen = ThreadIdGen.class) int thread) {
        return lock.tryAcquire();
    }

    @Operation
    public boolean tryAcquireWithoutWaiting(@Param(gen = ThreadIdGen.class) int thread) throws InterruptedException {
        return lock.tryAcquire(0, MS);
    }

    @Operation
    public void release(@Param(gen = ThreadIdGen.class) int thread) {
        lock.release();
    }

    @Operation
    public boolean isHeldByCurrentThread(@Param(gen = ThreadIdGen.class) int thread) {
        return lock.isHeldByCurrentThread();
    }

    // Hand-written scenarios only: these wait.

    public void acquire(@Param(gen = ThreadIdGen.class) int thread) {
        lock.acquire();
    }

    public void acquireInterruptibly(@Param(gen = ThreadIdGen.class) int thread) throws InterruptedException {
        lock.acquireInterruptibly();
    }

    public boolean tryAcquireWaiting(@Param(gen = ThreadIdGen.class) int thread) throws InterruptedException {
        return lock.tryAcquire(NEVER, MS);
    }

    @SuppressWarnings("try")   // the resource is the critical section itself
    public int holdAndIncrement(@Param(gen = ThreadIdGen.class) int thread) {
        try (Held held = lock.hold()) {
            return ++counter;
        }
    }

    /** The critical section: a read and a write of a plain field, only safe under the lock. */
    public int increment(@Param(gen = ThreadIdGen.class) int thread) {
        return ++counter;
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return options.sequentialSpecification(Sequential.class)
                .actorsBefore(0)
                .actorsAfter(0)
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("acquire"), op("increment"), op("release"),
                                op("acquireInterruptibly"), op("increment"), op("release"))
                        .thread(op("acquireInterruptibly"), op("increment"), op("release"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("holdAndIncrement"), op("holdAndIncrement"))
                        .thread(op("acquire"), op("increment"), op("isHeldByCurrentThread"), op("release"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("tryAcquire"), op("isHeldByCurrentThread"), op("release"))
                        .thread(op("acquire"), op("increment"), op("release"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("acquire"), op("increment"), op("release"))
                        .thread(op("acquire"), op("increment"), op("release"))
                        .thread(op("holdAndIncrement"))
                        .build());
    }

    @Override
    protected List<Scenario> timedScenarios() {
        return List.of(Scenario.of(getClass())
                .thread(op("acquire"), op("increment"), op("release"),
                        op("tryAcquireWaiting"), op("increment"), op("release"))
                .thread(op("tryAcquireWaiting"), op("increment"), op("release")));
    }

    /** A lock, one call at a time. Threads are numbered from 1; {@link #NOBODY} owns a free lock. */
    public static class Sequential {
        protected static final int NOBODY = -1;

        protected int owner = NOBODY;
        protected int holds;
        private int counter;

        /** Whether {@code thread} may take the lock now. Not reentrant: the owner may not. */
        protected boolean mayTake(int thread) {
            return owner == NOBODY;
        }

        public boolean tryAcquire(int thread) {
            if (!mayTake(thread)) {
                return false;
            }
            owner = thread;
            holds++;
            return true;
        }

        public boolean tryAcquireWithoutWaiting(int thread) {
            return tryAcquire(thread);
        }

        public void release(int thread) {
            if (owner != thread) {
                throw new IllegalMonitorStateException();
            }
            if (--holds == 0) {
                owner = NOBODY;
            }
        }

        public boolean isHeldByCurrentThread(int thread) {
            return owner == thread;
        }

        public void acquire(int thread) {
            if (!tryAcquire(thread)) {
                throw new WouldBlock();
            }
        }

        public void acquireInterruptibly(int thread) {
            acquire(thread);
        }

        public boolean tryAcquireWaiting(int thread) {
            acquire(thread);
            return true;
        }

        public int holdAndIncrement(int thread) {
            acquire(thread);
            int value = increment(thread);
            release(thread);
            return value;
        }

        /** Only the owner is in the critical section; an order that puts it elsewhere is rejected. */
        public int increment(int thread) {
            if (owner != thread) {
                throw new WouldBlock();
            }
            return ++counter;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sequential that && that.getClass() == getClass()
                    && owner == that.owner && holds == that.holds && counter == that.counter;
        }

        @Override
        public int hashCode() {
            return (owner * 31 + holds) * 31 + counter;
        }
    }
}
