package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.RLock;
import dev.interleave.stress.harness.Blocking;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link Condition}, for the conditions of each kind of lock: {@link OfLock},
 * {@link OfFairLock} and {@link OfRLock} (which adds: await releases every hold and restores them).
 *
 * <p>{@code await} may wake spuriously, so every wait here is a loop on a predicate, and no test
 * asserts that a wait did <em>not</em> return; a wake-up that never comes fails as a hang.
 * The predicates are plain fields, written and read under the lock: each test doubles as a check
 * that what a thread wrote before {@code signal} is visible to the thread that returns from
 * {@code await}.
 */
public abstract class ConditionConformance extends ConformanceTest {

    /** A lock of the kind whose conditions are under test. */
    protected abstract Lock newLock();

    @DisplayName("Condition of lock()")
    public static class OfLock extends ConditionConformance {
        @Override
        protected Lock newLock() {
            return primitives.lock();
        }
    }

    @DisplayName("Condition of fairLock()")
    public static class OfFairLock extends ConditionConformance {
        @Override
        protected Lock newLock() {
            return primitives.fairLock();
        }
    }

    @DisplayName("Condition of rlock()")
    public static class OfRLock extends ConditionConformance {
        @Override
        protected Lock newLock() {
            return primitives.rlock();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Await.class)
        void awaitReleasesEveryHoldAndRestoresThemAll(Await how) throws Exception {
            RLock lock = primitives.rlock();
            Condition condition = lock.newCondition();
            Worker<Void> waiter = workers.startBlocked("waiter", () -> {
                lock.acquire();
                lock.acquire();
                lock.acquire();
                how.awaitUntil(condition, () -> ready);
                assertEquals(3, lock.holdCount(), how + " must restore every hold");
                lock.release();
                lock.release();
                lock.release();
            });
            assertTrue(lock.tryAcquire(NEVER, MS), how + " must release every hold while it waits");
            assertEquals(1, lock.holdCount());
            ready = true;
            condition.signal();
            lock.release();
            waiter.join();
        }

        @Test
        void anInterruptedAwaitRestoresEveryHold() throws Exception {
            RLock lock = primitives.rlock();
            Condition condition = lock.newCondition();
            Worker<Void> waiter = workers.startBlocked("waiter", () -> {
                lock.acquire();
                lock.acquire();
                assertThrows(InterruptedException.class, () -> {
                    while (true) {
                        condition.await();
                    }
                });
                assertEquals(2, lock.holdCount(), "an interrupted await() must restore every hold");
                lock.release();
                lock.release();
            });
            waiter.interrupt();
            waiter.join();
        }

        @Test
        void aTimedOutAwaitRestoresEveryHold() throws Exception {
            RLock lock = primitives.rlock();
            Condition condition = lock.newCondition();
            lock.acquire();
            lock.acquire();
            assertFalse(condition.await(0, MS));
            assertEquals(2, lock.holdCount(), "await(0) must leave every hold in place");
            assertFalse(condition.awaitUntil(() -> false, 0, MS));
            assertEquals(2, lock.holdCount(), "awaitUntil(predicate, 0) must leave every hold in place");
            lock.release();
            lock.release();
        }
    }

    // Plain fields, written and read under the lock under test.
    boolean ready;
    int tokens;
    int written;

    // ---------------------------------------------------------------- misuse

    @Test
    void everyMethodThrowsWhenTheCallerDoesNotHoldTheLock() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        workers.start("without the lock", () -> {
            assertThrows(IllegalMonitorStateException.class, condition::await, "await()");
            assertThrows(IllegalMonitorStateException.class, () -> condition.await(LONG, MS), "await(timeout)");
            assertThrows(IllegalMonitorStateException.class, () -> condition.await(0, MS), "await(0)");
            assertThrows(IllegalMonitorStateException.class, () -> condition.awaitUntil(() -> true, LONG, MS),
                    "awaitUntil()");
            assertThrows(IllegalMonitorStateException.class, condition::signal, "signal()");
            assertThrows(IllegalMonitorStateException.class, condition::signalAll, "signalAll()");
            assertFalse(lock.isHeldByCurrentThread(), "misuse must not acquire the lock");
        }).join();
        assertTrue(lock.tryAcquire(), "misuse must leave the lock free");
        lock.release();
    }

    @Test
    void usingTheConditionWhileAnotherThreadHoldsTheLockThrows() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        lock.acquire();
        workers.start("not the owner", () -> {
            assertThrows(IllegalMonitorStateException.class, condition::signal, "signal()");
            assertThrows(IllegalMonitorStateException.class, condition::signalAll, "signalAll()");
            assertThrows(IllegalMonitorStateException.class, () -> condition.await(LONG, MS), "await(timeout)");
            assertThrows(IllegalMonitorStateException.class, condition::await, "await()");
        }).join();
        assertTrue(lock.isHeldByCurrentThread(), "misuse by another thread must leave the lock with its owner");
        lock.release();
    }

    @Test
    void usingTheConditionUnderAnotherLockThrows() throws Exception {
        Lock lock = newLock();
        Lock other = newLock();
        Condition condition = lock.newCondition();
        workers.start("holds the other lock", () -> {
            other.acquire();
            assertThrows(IllegalMonitorStateException.class, condition::signal, "signal()");
            assertThrows(IllegalMonitorStateException.class, condition::signalAll, "signalAll()");
            assertThrows(IllegalMonitorStateException.class, () -> condition.await(LONG, MS), "await(timeout)");
            assertThrows(IllegalMonitorStateException.class, condition::await, "await()");
            assertTrue(other.isHeldByCurrentThread(), "misuse must leave the other lock held");
            other.release();
        }).join();
        assertTrue(lock.tryAcquire(), "misuse must leave the condition's lock free");
        lock.release();
    }

    @Test
    void signallingWithoutWaitersIsHarmless() {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        lock.acquire();
        condition.signal();
        condition.signalAll();
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
    }

    // ---------------------------------------------------------------- waking

    @ParameterizedTest(name = "{0}")
    @EnumSource(Await.class)
    void signalWakesAWaiterThatSeesWhatTheSignallerWrote(Await how) throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        Worker<Integer> waiter = workers.call("waiter", () -> {
            lock.acquire();
            try {
                how.awaitUntil(condition, () -> ready);
                assertTrue(lock.isHeldByCurrentThread(), how + " must return holding the lock");
                return written;
            } finally {
                lock.release();
            }
        });
        waiter.assertBlocked();
        lock.acquire();
        written = 42;
        ready = true;
        condition.signal();
        lock.release();
        assertEquals(42, waiter.join(), "a write before signal() must be visible after await() returns");
    }

    @Test
    void awaitReleasesTheLockWhileItWaits() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        Worker<Void> waiter = workers.startBlocked("waiter", () -> {
            lock.acquire();
            while (!ready) {
                condition.await();
            }
            lock.release();
        });
        assertTrue(lock.tryAcquire(NEVER, MS), "await() must release the lock while it waits");
        ready = true;
        condition.signal();
        lock.release();
        waiter.join();
    }

    @Test
    void signalAllWakesEveryWaiter() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        List<Worker<Void>> waiters = new ArrayList<>();
        for (Await how : Await.values()) {
            waiters.add(workers.startBlocked("waiter using " + how, () -> {
                lock.acquire();
                how.awaitUntil(condition, () -> ready);
                lock.release();
            }));
        }
        lock.acquire();
        ready = true;
        condition.signalAll();
        lock.release();
        for (Worker<Void> waiter : waiters) {
            waiter.join();
        }
    }

    @Test
    void eachSignalWakesAnotherWaiterSoNoSignalIsLost() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        List<Worker<Void>> waiters = new ArrayList<>();
        for (Await how : Await.values()) {
            waiters.add(workers.startBlocked("waiter using " + how, () -> {
                lock.acquire();
                how.awaitUntil(condition, () -> tokens > 0);
                tokens--;
                lock.release();
            }));
        }
        for (int i = 0; i < waiters.size(); i++) {
            lock.acquire();
            tokens++;
            condition.signal();
            lock.release();
        }
        for (Worker<Void> waiter : waiters) {
            waiter.join();
        }
        lock.acquire();
        assertEquals(0, tokens);
        lock.release();
    }

    // ---------------------------------------------------------------- timeouts

    @Test
    void timedAwaitReturnsFalseOnlyWhenTheTimeRanOut() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        lock.acquire();
        long start = System.nanoTime();
        while (condition.await(SHORT - Delays.millisSince(start), MS)) {
            // a spurious wake-up (true): wait out the rest of the time
            assertTrue(Delays.millisSince(start) < LONG, "await(timeout) keeps returning true though nobody signals");
        }
        Delays.assertWaitedAtLeast(start, SHORT, "await(timeout)");
        assertTrue(lock.isHeldByCurrentThread(), "await(timeout) must return holding the lock");
        lock.release();
    }

    @Test
    void aTimedAwaitWhoseTimeRunsOutReturnsFalseNotTrue() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        long timeout = MS.toNanos(SHORT);
        int attempts = 3;
        int trueAfterTheTimeout = 0;
        lock.acquire();
        try {
            for (int attempt = 0; attempt < attempts; attempt++) {
                long start = System.nanoTime();
                while (true) {
                    long left = timeout - (System.nanoTime() - start);
                    if (left <= 0 || !condition.await(left, TimeUnit.NANOSECONDS)) {
                        break;   // the time ran out
                    }
                    if (System.nanoTime() - start >= timeout) {
                        trueAfterTheTimeout++;   // "woken", though the whole timeout passed and nobody signalled
                        break;
                    }
                    // true before the time ran out: a spurious wake-up, which is allowed
                }
            }
            assertTrue(trueAfterTheTimeout < attempts, "await(timeout) returned true in each of " + attempts
                    + " waits that nobody signalled, once its whole timeout of " + SHORT + " ms had passed: "
                    + "a wait whose time ran out must return false");
            assertTrue(lock.isHeldByCurrentThread(), "await(timeout) must return holding the lock");
        } finally {
            lock.release();
        }
    }

    @Test
    void timedAwaitWithANonPositiveTimeoutReturnsFalseAtOnceHoldingTheLock() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        lock.acquire();
        assertFalse(condition.await(0, MS), "await(0) must return false");
        assertFalse(condition.await(-1, MS), "await(-1) must return false");
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
    }

    @Test
    void extremeTimeoutsDoNotOverflow() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        assertTrue(inWorker("await(Long.MIN_VALUE) and awaitUntil(predicate, Long.MIN_VALUE)", () -> {
            lock.acquire();
            try {
                assertFalse(condition.await(Long.MIN_VALUE, MS), "await(Long.MIN_VALUE) must return false at once");
                assertFalse(condition.awaitUntil(() -> false, Long.MIN_VALUE, MS),
                        "awaitUntil(false, Long.MIN_VALUE) must return false at once");
                return condition.awaitUntil(() -> true, Long.MIN_VALUE, MS);
            } finally {
                lock.release();
            }
        }), "awaitUntil(true, Long.MIN_VALUE) must return true");
        Worker<Void> patient = workers.startBlocked("await(Long.MAX_VALUE) and awaitUntil(predicate, Long.MAX_VALUE)",
                () -> {
                    lock.acquire();
                    while (!ready) {
                        assertTrue(condition.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS),
                                "await(Long.MAX_VALUE) must wait until signalled");
                    }
                    assertTrue(condition.awaitUntil(() -> tokens > 0, Long.MAX_VALUE, TimeUnit.NANOSECONDS),
                            "awaitUntil(predicate, Long.MAX_VALUE) must wait until the predicate holds");
                    lock.release();
                });
        lock.acquire();
        ready = true;
        condition.signal();
        lock.release();
        patient.assertBlocked();    // now in awaitUntil: tokens is still 0
        lock.acquire();
        tokens = 1;
        condition.signal();
        lock.release();
        patient.join();
    }

    @Test
    void awaitUntilReturnsTrueAtOnceWhenThePredicateAlreadyHolds() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        lock.acquire();
        assertTrue(condition.awaitUntil(() -> true, 0, MS));
        assertTrue(condition.awaitUntil(() -> true, -1, MS));
        assertTrue(condition.awaitUntil(() -> true, NEVER, MS));
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
    }

    @Test
    void awaitUntilReturnsFalseWhenTheTimeRunsOut() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        lock.acquire();
        int[] calls = new int[1];
        assertFalse(condition.awaitUntil(() -> ++calls[0] < 0, 0, MS), "awaitUntil(false, 0) must return false");
        assertTrue(calls[0] >= 1, "awaitUntil must evaluate the predicate");
        long start = System.nanoTime();
        assertFalse(condition.awaitUntil(() -> false, SHORT, MS),
                "awaitUntil must return the predicate's last value, false");
        Delays.assertWaitedAtLeast(start, SHORT, "awaitUntil(predicate, timeout)");
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
    }

    @Test
    void awaitUntilEvaluatesThePredicateHoldingTheLock() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        boolean[] heldEveryTime = {true};
        Worker<Void> waiter = workers.startBlocked("waiter", () -> {
            lock.acquire();
            assertTrue(condition.awaitUntil(() -> {
                heldEveryTime[0] &= lock.isHeldByCurrentThread();
                return ready;
            }, NEVER, MS));
            lock.release();
        });
        lock.acquire();
        ready = true;
        condition.signal();
        lock.release();
        waiter.join();
        assertTrue(heldEveryTime[0], "the predicate must be evaluated while holding the lock");
    }

    // ---------------------------------------------------------------- interrupts

    @ParameterizedTest(name = "{0}")
    @EnumSource(OnEntry.class)
    void awaitThrowsWhenInterruptedOnEntryAndStillHoldsTheLock(OnEntry call) throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        workers.start("interrupted", () -> {
            lock.acquire();
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> call.await(condition),
                    call + " must throw InterruptedException when the caller is interrupted on entry");
            assertFalse(Thread.currentThread().isInterrupted(), "the interrupt flag must be cleared");
            assertTrue(lock.isHeldByCurrentThread(), call + " must hold the lock when it throws");
            lock.release();
        }).join();
        assertTrue(lock.tryAcquire());
        lock.release();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Await.class)
    void awaitThrowsWhenInterruptedWhileWaitingAndHoldsTheLockAgain(Await how) throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        Worker<Void> waiter = workers.startBlocked("waiter", () -> {
            lock.acquire();
            assertThrows(InterruptedException.class, () -> how.awaitUntil(condition, () -> false),
                    how + " must throw InterruptedException when interrupted while waiting");
            assertFalse(Thread.currentThread().isInterrupted(), "the interrupt flag must be cleared");
            assertTrue(lock.isHeldByCurrentThread(), how + " must hold the lock again when it throws");
            lock.release();
        });
        waiter.interrupt();
        waiter.join();
    }

    /** Outcome of a waiter that may be interrupted or time out while a signal is on its way. */
    enum Outcome { CONSUMED, INTERRUPTED, TIMED_OUT }

    @Test
    void aSignalIsNotLostToAWaiterThatIsInterrupted() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        Worker<Outcome> interrupted = workers.call("interrupted", () -> {
            lock.acquire();
            try {
                while (tokens == 0) {
                    condition.await();
                }
                tokens--;
                return Outcome.CONSUMED;
            } catch (InterruptedException e) {
                return Outcome.INTERRUPTED;
            } finally {
                lock.release();
            }
        });
        interrupted.assertBlocked();
        Worker<Void> other = workers.startBlocked("other", () -> {
            lock.acquire();
            while (tokens == 0) {
                condition.await();
            }
            tokens--;
            lock.release();
        });
        lock.acquire();
        interrupted.interrupt();    // while the test holds the lock: the signal races with the interrupt
        tokens = 1;
        condition.signal();
        lock.release();
        finishBoth(lock, condition, interrupted.join(), other);
    }

    volatile long timeoutEnds;   // System.nanoTime() when the timed waiter's time runs out

    @Test
    void aSignalIsNotLostToAWaiterThatTimesOut() throws Exception {
        Lock lock = newLock();
        Condition condition = lock.newCondition();
        long timeout = 4 * SHORT;
        Worker<Outcome> timesOut = workers.call("times out", () -> {
            lock.acquire();
            try {
                long start = System.nanoTime();
                timeoutEnds = start + MS.toNanos(timeout);
                while (true) {
                    if (!condition.await(timeout - Delays.millisSince(start), MS)) {
                        return Outcome.TIMED_OUT;   // the time ran out: the signal must go to the other waiter
                    }
                    if (tokens > 0) {
                        tokens--;
                        return Outcome.CONSUMED;
                    }
                }
            } finally {
                lock.release();
            }
        });
        Blocking.awaitBlockedOrFinished(timesOut.thread());
        Worker<Void> other = workers.startBlocked("other", () -> {
            lock.acquire();
            while (tokens == 0) {
                condition.await();
            }
            tokens--;
            lock.release();
        });
        lock.acquire();
        while (System.nanoTime() - timeoutEnds < MS.toNanos(SHORT)) {
            Delays.sleep(SHORT);    // the first waiter's time runs out while the test holds the lock
        }
        tokens = 1;
        condition.signal();
        lock.release();
        finishBoth(lock, condition, timesOut.join(), other);
    }

    /** If the first waiter took the signal, wakes the other too; either way the other must finish. */
    private void finishBoth(Lock lock, Condition condition, Outcome first, Worker<Void> other) throws Exception {
        if (first == Outcome.CONSUMED) {
            lock.acquire();
            tokens++;
            condition.signal();
            lock.release();
        }
        other.join();   // a signal lost to the first waiter leaves the other waiting: a hang
    }

    // ---------------------------------------------------------------- helpers

    /** The ways of waiting for a predicate with a condition; each tolerates spurious wake-ups. */
    enum Await {
        AWAIT("await()") {
            @Override
            void awaitUntil(Condition condition, java.util.function.BooleanSupplier predicate)
                    throws InterruptedException {
                while (!predicate.getAsBoolean()) {
                    condition.await();
                }
            }
        },
        TIMED_AWAIT("await(timeout)") {
            @Override
            void awaitUntil(Condition condition, java.util.function.BooleanSupplier predicate)
                    throws InterruptedException {
                while (!predicate.getAsBoolean()) {
                    assertTrue(condition.await(NEVER, MS), "await(timeout) timed out though signalled");
                }
            }
        },
        AWAIT_UNTIL("awaitUntil(predicate, timeout)") {
            @Override
            void awaitUntil(Condition condition, java.util.function.BooleanSupplier predicate)
                    throws InterruptedException {
                assertTrue(condition.awaitUntil(predicate, NEVER, MS), "awaitUntil timed out though signalled");
            }
        };

        private final String call;

        Await(String call) {
            this.call = call;
        }

        /** Waits until {@code predicate} holds; the caller holds the condition's lock. */
        abstract void awaitUntil(Condition condition, java.util.function.BooleanSupplier predicate)
                throws InterruptedException;

        @Override
        public String toString() {
            return call;
        }
    }

    /** Calls that must throw when interrupted on entry, even when they would not wait. */
    enum OnEntry {
        AWAIT("await()") {
            @Override
            void await(Condition condition) throws InterruptedException {
                condition.await();
            }
        },
        TIMED_AWAIT("await(timeout)") {
            @Override
            void await(Condition condition) throws InterruptedException {
                condition.await(NEVER, MS);
            }
        },
        ZERO_TIMED_AWAIT("await(0)") {
            @Override
            void await(Condition condition) throws InterruptedException {
                condition.await(0, MS);
            }
        },
        AWAIT_UNTIL_TRUE("awaitUntil(true, timeout)") {
            @Override
            void await(Condition condition) throws InterruptedException {
                condition.awaitUntil(() -> true, NEVER, MS);
            }
        },
        ZERO_AWAIT_UNTIL_TRUE("awaitUntil(true, 0)") {
            @Override
            void await(Condition condition) throws InterruptedException {
                condition.awaitUntil(() -> true, 0, MS);
            }
        };

        private final String call;

        OnEntry(String call) {
            this.call = call;
        }

        abstract void await(Condition condition) throws InterruptedException;

        @Override
        public String toString() {
            return call;
        }
    }
}
