package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Semaphore;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link Semaphore}, for both kinds: {@link Plain} ({@code semaphore(n)}, which
 * may grow past its initial permits) and {@link Bounded} ({@code boundedSemaphore(n)}, which
 * refuses to).
 */
public abstract class SemaphoreConformance extends ConformanceTest {

    /** A semaphore of the kind under test. */
    protected abstract Semaphore newSemaphore(int permits);

    @DisplayName("Semaphore: semaphore(n)")
    public static class Plain extends SemaphoreConformance {
        @Override
        protected Semaphore newSemaphore(int permits) {
            return primitives.semaphore(permits);
        }

        @Test
        void releaseMayGrowPastTheInitialPermits() {
            Semaphore semaphore = newSemaphore(0);
            semaphore.release();
            assertEquals(1, semaphore.availablePermits());
            semaphore.release();
            assertEquals(2, semaphore.availablePermits());
            assertTrue(semaphore.tryAcquire());
            assertTrue(semaphore.tryAcquire());
            assertFalse(semaphore.tryAcquire());
        }
    }

    @DisplayName("Semaphore: boundedSemaphore(n)")
    public static class Bounded extends SemaphoreConformance {
        @Override
        protected Semaphore newSemaphore(int permits) {
            return primitives.boundedSemaphore(permits);
        }

        @Test
        void releasingPastTheInitialPermitsThrowsAndChangesNothing() {
            Semaphore semaphore = newSemaphore(2);
            assertThrows(IllegalStateException.class, semaphore::release);
            assertEquals(2, semaphore.availablePermits(), "a refused release() must change nothing");
            assertTrue(semaphore.tryAcquire());
            semaphore.release();
            assertEquals(2, semaphore.availablePermits());
            assertThrows(IllegalStateException.class, semaphore::release);
            assertEquals(2, semaphore.availablePermits(), "a refused release() must change nothing");
        }

        @Test
        void aBoundedSemaphoreOfZeroPermitsRefusesEveryRelease() {
            Semaphore semaphore = newSemaphore(0);
            assertThrows(IllegalStateException.class, semaphore::release);
            assertEquals(0, semaphore.availablePermits());
            assertFalse(semaphore.tryAcquire());
        }
    }

    int written;   // plain field: only the semaphore orders its write and its read

    /** A semaphore of the kind under test with no permit left (bounded ones can give it back). */
    private Semaphore emptySemaphore() {
        Semaphore semaphore = newSemaphore(1);
        assertTrue(semaphore.tryAcquire());
        return semaphore;
    }

    @Test
    void negativePermitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> newSemaphore(-1));
        assertThrows(IllegalArgumentException.class, () -> newSemaphore(Integer.MIN_VALUE));
    }

    @ParameterizedTest(name = "{0} permits")
    @ValueSource(ints = {0, 1, 3})
    void aNewSemaphoreHasItsInitialPermits(int permits) {
        assertEquals(permits, newSemaphore(permits).availablePermits());
    }

    @Test
    void tryAcquireTakesAPermitUntilNoneIsLeft() {
        Semaphore semaphore = newSemaphore(2);
        assertTrue(semaphore.tryAcquire());
        assertEquals(1, semaphore.availablePermits());
        assertTrue(semaphore.tryAcquire());
        assertEquals(0, semaphore.availablePermits());
        assertFalse(semaphore.tryAcquire(), "tryAcquire() must fail when no permit is left");
        assertEquals(0, semaphore.availablePermits());
        semaphore.release();
        assertEquals(1, semaphore.availablePermits());
        assertTrue(semaphore.tryAcquire(), "a released permit must be available again");
    }

    @Test
    void timedTryAcquireWithANonPositiveTimeoutTriesOnce() throws Exception {
        Semaphore semaphore = newSemaphore(1);
        assertTrue(semaphore.tryAcquire(0, MS), "tryAcquire(0) must take an available permit");
        assertFalse(semaphore.tryAcquire(0, MS), "tryAcquire(0) must fail when no permit is left");
        assertFalse(semaphore.tryAcquire(-1, MS), "tryAcquire(-1) must fail when no permit is left");
        semaphore.release();
        assertTrue(semaphore.tryAcquire(-1, MS), "tryAcquire(-1) must take an available permit");
    }

    @Test
    void extremeTimeoutsDoNotOverflow() throws Exception {
        Semaphore semaphore = emptySemaphore();
        assertFalse(inWorker("tryAcquire(Long.MIN_VALUE)", () -> semaphore.tryAcquire(Long.MIN_VALUE, MS)),
                "tryAcquire(Long.MIN_VALUE) must try once and fail: no permit is left");
        Worker<Boolean> patient = workers.call("tryAcquire(Long.MAX_VALUE)",
                () -> semaphore.tryAcquire(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        patient.assertBlocked();
        semaphore.release();
        assertTrue(patient.join(), "tryAcquire(Long.MAX_VALUE) must wait until a permit is released");
        semaphore.release();
        assertTrue(inWorker("tryAcquire(Long.MIN_VALUE)", () -> semaphore.tryAcquire(Long.MIN_VALUE, MS)),
                "tryAcquire(Long.MIN_VALUE) must take an available permit");
    }

    @Test
    void timedTryAcquireReturnsFalseWhenTheTimeRunsOut() throws Exception {
        Semaphore semaphore = emptySemaphore();
        long start = System.nanoTime();
        assertFalse(semaphore.tryAcquire(SHORT, MS), "tryAcquire(timeout) must fail: no permit was released");
        Delays.assertWaitedAtLeast(start, SHORT, "tryAcquire(timeout)");
        assertEquals(0, semaphore.availablePermits());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Acquire.class)
    void acquiringBlocksUntilAPermitIsReleasedAndSeesWhatTheReleaserWrote(Acquire how) throws Exception {
        Semaphore semaphore = emptySemaphore();
        Worker<Integer> waiter = workers.call("waiter", () -> {
            how.acquire(semaphore);
            return written;
        });
        waiter.assertBlocked();
        written = 42;
        semaphore.release();
        assertEquals(42, waiter.join(), "a write before release() must be visible after the acquire it enables");
        assertEquals(0, semaphore.availablePermits(), "the waiter must have taken the released permit");
    }

    @Test
    void eachReleaseLetsOneMoreWaiterThrough() throws Exception {
        Semaphore semaphore = newSemaphore(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(semaphore.tryAcquire());
        }
        List<Worker<Void>> waiters = new ArrayList<>();
        for (Acquire how : Acquire.values()) {
            waiters.add(workers.startBlocked("waiter using " + how, () -> how.acquire(semaphore)));
        }
        for (int i = 0; i < waiters.size(); i++) {
            semaphore.release();
        }
        for (Worker<Void> waiter : waiters) {
            waiter.join();
        }
        assertEquals(0, semaphore.availablePermits());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Acquire.class)
    void aWaiterKeepsWaitingThroughSpuriousWakeUpsAndTakesNoPermit(Acquire how) throws Exception {
        Semaphore semaphore = emptySemaphore();
        Worker<Void> waiter = workers.startBlocked("waiter", () -> how.acquire(semaphore));
        assertKeepsWaitingThroughSpuriousWakeUps(waiter, how.toString());
        assertEquals(0, semaphore.availablePermits(), "a spurious wake-up must not take a permit");
        semaphore.release();
        waiter.join();
        assertEquals(0, semaphore.availablePermits(), "the waiter must have taken the released permit");
    }

    @Test
    @Tag(ConformanceTest.STRESS)
    void atMostPermitsThreadsAreInsideAtOnce() throws Exception {
        Semaphore semaphore = newSemaphore(2);
        AtomicInteger inside = new AtomicInteger();
        int rounds = 2_000;
        for (Acquire how : Acquire.values()) {
            for (int t = 0; t < 2; t++) {
                workers.start("user " + t + " using " + how, () -> {
                    for (int i = 0; i < rounds; i++) {
                        how.acquire(semaphore);
                        try {
                            assertTrue(inside.incrementAndGet() <= 2, "more threads inside than permits");
                        } finally {
                            inside.decrementAndGet();
                            semaphore.release();
                        }
                    }
                });
            }
        }
        workers.joinAll();
        assertEquals(2, semaphore.availablePermits(), "every permit must be back");
    }

    @Test
    void availablePermitsSeesChangesMadeByOtherThreads() throws Exception {
        Semaphore semaphore = newSemaphore(2);
        workers.start("taker", () -> assertTrue(semaphore.tryAcquire())).join();
        assertEquals(1, semaphore.availablePermits());
        workers.start("giver", semaphore::release).join();
        assertEquals(2, semaphore.availablePermits());
    }

    // ---------------------------------------------------------------- interrupts

    @Test
    void acquiringThrowsWhenInterruptedOnEntryEvenWithPermitsLeft() throws Exception {
        Semaphore semaphore = newSemaphore(1);
        assertInterruptedOnEntry("acquire()", semaphore::acquire);
        assertInterruptedOnEntry("tryAcquire(timeout)", () -> semaphore.tryAcquire(NEVER, MS));
        assertInterruptedOnEntry("tryAcquire(0)", () -> semaphore.tryAcquire(0, MS));
        assertEquals(1, semaphore.availablePermits(), "an interrupted acquire must take no permit");
    }

    @Test
    void acquiringThrowsWhenInterruptedOnEntryWithoutPermits() throws Exception {
        Semaphore semaphore = emptySemaphore();
        assertInterruptedOnEntry("acquire()", semaphore::acquire);
        assertInterruptedOnEntry("tryAcquire(timeout)", () -> semaphore.tryAcquire(NEVER, MS));
        assertInterruptedOnEntry("tryAcquire(-1)", () -> semaphore.tryAcquire(-1, MS));
        assertEquals(0, semaphore.availablePermits());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Acquire.class)
    void acquiringThrowsWhenInterruptedWhileWaitingAndTakesNoPermit(Acquire how) throws Exception {
        Semaphore semaphore = emptySemaphore();
        assertInterruptedWhileWaiting(how.toString(), () -> how.acquire(semaphore));
        assertEquals(0, semaphore.availablePermits());
        semaphore.release();
        assertEquals(1, semaphore.availablePermits(), "the interrupted waiter must not take a later permit");
    }

    /** The ways of acquiring a permit that wait for it. */
    enum Acquire {
        ACQUIRE("acquire()") {
            @Override
            void acquire(Semaphore semaphore) throws InterruptedException {
                semaphore.acquire();
            }
        },
        TIMED_TRY_ACQUIRE("tryAcquire(timeout)") {
            @Override
            void acquire(Semaphore semaphore) throws InterruptedException {
                assertTrue(semaphore.tryAcquire(NEVER, MS), "tryAcquire(timeout) must get a released permit");
            }
        };

        private final String call;

        Acquire(String call) {
            this.call = call;
        }

        abstract void acquire(Semaphore semaphore) throws InterruptedException;

        @Override
        public String toString() {
            return call;
        }
    }
}
