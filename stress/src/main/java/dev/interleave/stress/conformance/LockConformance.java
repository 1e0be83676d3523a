package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Held;
import dev.interleave.primitives.Lock;
import dev.interleave.stress.harness.Blocking;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link Lock}: mutual exclusion owned by one thread, blocking, timeouts,
 * interrupts, misuse and the happens-before edge from a release to the next acquire.
 *
 * <p>One abstract suite, run for each kind of lock: {@link Unfair} ({@code lock()}),
 * {@link Fair} ({@code fairLock()}, which adds the FIFO hand-off) and {@link RLockConformance}
 * ({@code rlock()}, which adds reentrancy). A check that does not apply to a kind is overridden
 * there and disabled (never assumed away while it runs: a grader counts an aborted test as failed).
 */
public abstract class LockConformance extends ConformanceTest {

    /** The lock under test, made by the factory method this kind is about. */
    protected abstract Lock newLock();

    /** {@code lock()}: may barge. */
    @DisplayName("Lock: lock()")
    public static class Unfair extends LockConformance {
        @Override
        protected Lock newLock() {
            return primitives.lock();
        }
    }

    /** {@code fairLock()}: FIFO hand-off, no waiter is overtaken by a later arrival. */
    @DisplayName("Lock: fairLock()")
    public static class Fair extends LockConformance {
        @Override
        protected Lock newLock() {
            return primitives.fairLock();
        }

        @ParameterizedTest(name = "waiters use {0}")
        @EnumSource(Acquisition.class)
        void waitersGetTheLockInTheOrderTheyArrived(Acquisition by) throws Exception {
            Lock lock = newLock();
            List<Integer> order = new ArrayList<>();   // guarded by lock
            lock.acquire();
            List<Worker<Void>> waiters = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int arrival = i;
                waiters.add(workers.startBlocked("waiter " + i, () -> {
                    assertTrue(by.acquire(lock), by + " must get the lock");
                    order.add(arrival);
                    lock.release();
                }));
            }
            lock.release();
            for (Worker<Void> waiter : waiters) {
                waiter.join();
            }
            assertEquals(List.of(0, 1, 2, 3), order, "a fair lock must be granted in arrival order");
        }

        @ParameterizedTest(name = "the releaser comes back with {0}")
        @EnumSource(Acquisition.class)
        void aReleasingThreadDoesNotOvertakeAQueuedWaiter(Acquisition by) throws Exception {
            Lock lock = newLock();
            List<String> order = new ArrayList<>();    // guarded by lock
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            Worker<Void> releaser = workers.start("releaser", () -> {
                lock.acquire();
                held.countDown();
                await(go, "the test to let the releaser go");
                lock.release();
                assertTrue(by.acquire(lock), by + " must get the lock");
                order.add("releaser");
                lock.release();
            });
            await(held, "the releaser to hold the lock");
            Worker<Void> waiter = workers.startBlocked("waiter", () -> {
                lock.acquire();
                order.add("waiter");
                lock.release();
            });
            go.countDown();
            releaser.join();
            waiter.join();
            assertEquals(List.of("waiter", "releaser"), order,
                    "the thread that released and came straight back must queue behind the waiter");
        }
    }

    // ---------------------------------------------------------------- ownership

    @Test
    void aNewLockIsFreeAndHeldByNobody() throws Exception {
        Lock lock = newLock();
        assertFalse(lock.isHeldByCurrentThread());
        workers.start("other", () -> assertFalse(lock.isHeldByCurrentThread())).join();
        assertTrue(lock.tryAcquire(), "a new lock must be free");
        lock.release();
    }

    @Test
    void tryAcquireTakesAFreeLockAndReleaseFreesIt() throws Exception {
        Lock lock = newLock();
        assertTrue(lock.tryAcquire());
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
        assertFalse(lock.isHeldByCurrentThread());
        workers.start("other", () -> {
            assertTrue(lock.tryAcquire(), "a released lock must be free for another thread");
            lock.release();
        }).join();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Acquisition.class)
    void eachWayOfAcquiringTakesAFreeLock(Acquisition by) throws Exception {
        Lock lock = newLock();
        assertTrue(by.acquire(lock));
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
        assertFalse(lock.isHeldByCurrentThread());
    }

    @Test
    void isHeldByCurrentThreadIsFalseInOtherThreads() throws Exception {
        Lock lock = newLock();
        lock.acquire();
        workers.start("other", () -> assertFalse(lock.isHeldByCurrentThread(),
                "the lock is held by the test thread, not by this one")).join();
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
    }

    @Test
    void tryAcquireFailsWhileAnotherThreadHolds() throws Exception {
        Lock lock = newLock();
        Holder holder = holdInAnotherThread(lock);
        assertFalse(lock.tryAcquire(), "tryAcquire() must fail while another thread holds the lock");
        assertFalse(lock.tryAcquire(0, MS), "tryAcquire(0) must fail while another thread holds the lock");
        assertFalse(lock.tryAcquire(-1, MS), "tryAcquire(-1) must fail while another thread holds the lock");
        assertFalse(lock.isHeldByCurrentThread());
        holder.release();
        assertTrue(lock.tryAcquire(), "tryAcquire() must succeed once the holder released");
        lock.release();
    }

    @Test
    void theOwnerCannotAcquireAgainBecauseTheLockIsNotReentrant() throws Exception {
        Lock lock = newLock();
        lock.acquire();
        assertFalse(lock.tryAcquire(), "tryAcquire() by the owner must fail: the lock is not reentrant");
        assertFalse(lock.tryAcquire(0, MS), "tryAcquire(0) by the owner must fail: the lock is not reentrant");
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
        assertFalse(lock.isHeldByCurrentThread(), "one release must free a lock that is not reentrant");
        workers.start("other", () -> {
            assertTrue(lock.tryAcquire(), "one release must free a lock that is not reentrant");
            lock.release();
        }).join();
    }

    // ---------------------------------------------------------------- blocking

    @ParameterizedTest(name = "{0}")
    @EnumSource(Acquisition.class)
    void acquiringBlocksWhileAnotherThreadHoldsAndProceedsAfterRelease(Acquisition by) throws Exception {
        Lock lock = newLock();
        lock.acquire();
        Worker<Void> waiter = workers.startBlocked("waiter", () -> {
            assertTrue(by.acquire(lock), by + " must get the lock once it is released");
            assertTrue(lock.isHeldByCurrentThread());
            lock.release();
        });
        assertTrue(lock.isHeldByCurrentThread(), "a blocked waiter must not take the lock from its owner");
        lock.release();
        waiter.join();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Acquisition.class)
    void aWaiterKeepsWaitingThroughSpuriousWakeUps(Acquisition by) throws Exception {
        Lock lock = newLock();
        lock.acquire();
        Worker<Void> waiter = workers.startBlocked("waiter", () -> {
            assertTrue(by.acquire(lock), by + " must get the lock once it is released");
            lock.release();
        });
        assertKeepsWaitingThroughSpuriousWakeUps(waiter, by.toString());
        assertTrue(lock.isHeldByCurrentThread(), "a spuriously woken waiter must not take the lock from its owner");
        lock.release();
        waiter.join();
    }

    int written;   // plain field: only the lock orders its write and its read

    @Test
    void writesBeforeReleaseAreVisibleToTheNextOwner() throws Exception {
        Lock lock = newLock();
        lock.acquire();
        Worker<Integer> reader = workers.call("reader", () -> {
            lock.acquire();
            try {
                return written;
            } finally {
                lock.release();
            }
        });
        reader.assertBlocked();
        written = 42;
        lock.release();
        assertEquals(42, reader.join(), "a write before release() must be visible after the next acquire()");
    }

    int counter;       // plain fields, guarded by the lock under test
    boolean inside;

    @Test
    @Tag(ConformanceTest.STRESS)
    void onlyOneThreadAtATimeIsInTheCriticalSection() throws Exception {
        Lock lock = newLock();
        int rounds = 3_000;
        for (Acquisition by : Acquisition.values()) {
            workers.start("incrementer using " + by, () -> {
                for (int i = 0; i < rounds; i++) {
                    assertTrue(by.acquire(lock));
                    try {
                        assertFalse(inside, "two threads are in the critical section at once");
                        inside = true;
                        counter++;
                        inside = false;
                    } finally {
                        lock.release();
                    }
                }
            });
        }
        workers.joinAll();
        assertTrue(lock.tryAcquire());
        assertEquals(Acquisition.values().length * rounds, counter, "an update was lost: mutual exclusion failed");
        lock.release();
    }

    // ---------------------------------------------------------------- timeouts

    @Test
    void timedTryAcquireReturnsFalseWhenTheTimeRunsOut() throws Exception {
        Lock lock = newLock();
        Holder holder = holdInAnotherThread(lock);
        long start = System.nanoTime();
        assertFalse(lock.tryAcquire(SHORT, MS), "tryAcquire(timeout) must fail while another thread holds the lock");
        Delays.assertWaitedAtLeast(start, SHORT, "tryAcquire(timeout)");
        assertFalse(lock.isHeldByCurrentThread());
        holder.release();
    }

    @Test
    void timedTryAcquireWithANonPositiveTimeoutTakesAFreeLock() throws Exception {
        Lock lock = newLock();
        assertTrue(lock.tryAcquire(0, MS), "tryAcquire(0) must take a free lock");
        lock.release();
        assertTrue(lock.tryAcquire(-1, MS), "tryAcquire(-1) must take a free lock");
        lock.release();
        assertTrue(lock.tryAcquire(Long.MIN_VALUE, MS), "tryAcquire(Long.MIN_VALUE) must take a free lock");
        lock.release();
    }

    @Test
    void extremeTimeoutsDoNotOverflow() throws Exception {
        Lock lock = newLock();
        Holder holder = holdInAnotherThread(lock);
        assertFalse(inWorker("tryAcquire(Long.MIN_VALUE)", () -> lock.tryAcquire(Long.MIN_VALUE, MS)),
                "tryAcquire(Long.MIN_VALUE) must try once and fail while another thread holds the lock");
        Worker<Boolean> patient = workers.call("tryAcquire(Long.MAX_VALUE)", () -> {
            try {
                return lock.tryAcquire(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } finally {
                if (lock.isHeldByCurrentThread()) {
                    lock.release();
                }
            }
        });
        patient.assertBlocked();
        holder.release();
        assertTrue(patient.join(), "tryAcquire(Long.MAX_VALUE) must wait until the lock is free");
    }

    @Test
    void aWaiterThatTimedOutDoesNotKeepOthersFromTheLock() throws Exception {
        Lock lock = newLock();
        lock.acquire();
        Worker<Void> timesOut = workers.start("times out", () ->
                assertFalse(lock.tryAcquire(SHORT, MS), "the lock was held all along"));
        Blocking.awaitBlockedOrFinished(timesOut.thread());
        Worker<Void> waiter = workers.startBlocked("waiter", () -> {
            lock.acquire();
            lock.release();
        });
        timesOut.join();
        lock.release();
        waiter.join();
    }

    // ---------------------------------------------------------------- interrupts

    @Test
    void acquireInterruptiblyThrowsWhenInterruptedOnEntryEvenIfTheLockIsFree() throws Exception {
        Lock lock = newLock();
        assertInterruptedOnEntry("acquireInterruptibly()", lock::acquireInterruptibly);
        assertTrue(lock.tryAcquire(), "an interrupted acquireInterruptibly() must leave the lock free");
        lock.release();
    }

    @Test
    void timedTryAcquireThrowsWhenInterruptedOnEntryEvenWithANonPositiveTimeout() throws Exception {
        Lock lock = newLock();
        assertInterruptedOnEntry("tryAcquire(timeout)", () -> lock.tryAcquire(LONG, MS));
        assertInterruptedOnEntry("tryAcquire(0)", () -> lock.tryAcquire(0, MS));
        assertInterruptedOnEntry("tryAcquire(-1)", () -> lock.tryAcquire(-1, MS));
        assertTrue(lock.tryAcquire(), "an interrupted tryAcquire(timeout) must leave the lock free");
        lock.release();
    }

    @Test
    void acquireInterruptiblyThrowsWhenInterruptedWhileWaiting() throws Exception {
        Lock lock = newLock();
        lock.acquire();
        assertInterruptedWhileWaiting("acquireInterruptibly()", lock::acquireInterruptibly);
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
        workers.start("next", () -> {
            assertTrue(lock.tryAcquire(NEVER, MS), "the interrupted waiter must not keep the lock");
            lock.release();
        }).join();
    }

    @Test
    void timedTryAcquireThrowsWhenInterruptedWhileWaiting() throws Exception {
        Lock lock = newLock();
        lock.acquire();
        assertInterruptedWhileWaiting("tryAcquire(timeout)", () -> lock.tryAcquire(NEVER, MS));
        lock.release();
        workers.start("next", () -> {
            assertTrue(lock.tryAcquire(NEVER, MS), "the interrupted waiter must not keep the lock");
            lock.release();
        }).join();
    }

    @Test
    void anInterruptedWaiterDoesNotKeepOthersFromTheLock() throws Exception {
        Lock lock = newLock();
        lock.acquire();
        Worker<Void> interrupted = workers.startBlocked("interrupted", () ->
                assertThrows(InterruptedException.class, lock::acquireInterruptibly));
        Worker<Void> waiter = workers.startBlocked("waiter", () -> {
            lock.acquire();
            lock.release();
        });
        interrupted.interrupt();
        interrupted.join();
        lock.release();
        waiter.join();
    }

    volatile boolean acquired;

    @Test
    void acquireIgnoresInterruptsWhileWaitingAndRestoresTheFlag() throws Exception {
        Lock lock = newLock();
        lock.acquire();
        Worker<Void> waiter = workers.startBlocked("waiter", () -> {
            lock.acquire();
            acquired = true;
            assertTrue(Thread.interrupted(), "acquire() must restore the interrupt flag before it returns");
            assertTrue(lock.isHeldByCurrentThread());
            lock.release();
        });
        waiter.interrupt();
        Delays.sleep(SHORT);
        assertFalse(acquired, "acquire() is uninterruptible: it must keep waiting when interrupted");
        waiter.assertBlocked();
        assertFalse(acquired, "acquire() is uninterruptible: it must keep waiting when interrupted");
        lock.release();
        waiter.join();
        assertTrue(acquired);
    }

    @Test
    void acquireTakesAFreeLockWhenInterruptedOnEntryAndKeepsTheFlag() throws Exception {
        Lock lock = newLock();
        workers.start("interrupted", () -> {
            Thread.currentThread().interrupt();
            lock.acquire();
            assertTrue(Thread.interrupted(), "acquire() must leave the interrupt flag set");
            assertTrue(lock.isHeldByCurrentThread());
            lock.release();
        }).join();
    }

    // ---------------------------------------------------------------- misuse

    @Test
    void releasingAFreeLockThrowsAndChangesNothing() throws Exception {
        Lock lock = newLock();
        assertThrows(IllegalMonitorStateException.class, lock::release);
        assertTrue(lock.tryAcquire(), "the failed release() must leave the lock free");
        workers.start("other", () -> assertFalse(lock.tryAcquire(),
                "the failed release() must not let two threads hold the lock")).join();
        lock.release();
    }

    @Test
    void releasingALockHeldByAnotherThreadThrowsAndChangesNothing() throws Exception {
        Lock lock = newLock();
        Holder holder = holdInAnotherThread(lock);
        assertThrows(IllegalMonitorStateException.class, lock::release);
        assertFalse(lock.tryAcquire(), "the failed release() must leave the lock with its owner");
        holder.release();   // the holder asserts that it still holds the lock
    }

    @Test
    void releasingTwiceThrowsOnTheSecondRelease() throws Exception {
        Lock lock = newLock();
        lock.acquire();
        lock.release();
        assertThrows(IllegalMonitorStateException.class, lock::release);
        assertTrue(lock.tryAcquire(), "the failed release() must leave the lock free");
        lock.release();
    }

    // ---------------------------------------------------------------- hold()

    @Test
    @SuppressWarnings("try")   // the hold is the point: its body need not use it
    void holdAcquiresAndClosingReleases() throws Exception {
        Lock lock = newLock();
        try (Held held = lock.hold()) {
            assertTrue(lock.isHeldByCurrentThread());
        }
        assertFalse(lock.isHeldByCurrentThread());
        assertThrows(IllegalStateException.class, () -> {
            try (Held held = lock.hold()) {
                throw new IllegalStateException("the body fails");
            }
        });
        assertFalse(lock.isHeldByCurrentThread(), "closing the hold must release even when the body throws");
        workers.start("other", () -> {
            assertTrue(lock.tryAcquire());
            lock.release();
        }).join();
    }

    // ---------------------------------------------------------------- helpers

    /** The ways of acquiring a lock that wait for it. */
    enum Acquisition {
        ACQUIRE("acquire()") {
            @Override
            boolean acquire(Lock lock) {
                lock.acquire();
                return true;
            }
        },
        ACQUIRE_INTERRUPTIBLY("acquireInterruptibly()") {
            @Override
            boolean acquire(Lock lock) throws InterruptedException {
                lock.acquireInterruptibly();
                return true;
            }
        },
        TIMED_TRY_ACQUIRE("tryAcquire(timeout)") {
            @Override
            boolean acquire(Lock lock) throws InterruptedException {
                return lock.tryAcquire(NEVER, MS);
            }
        };

        private final String call;

        Acquisition(String call) {
            this.call = call;
        }

        /** Acquires, waiting as long as it takes; true when the caller now holds the lock. */
        abstract boolean acquire(Lock lock) throws InterruptedException;

        @Override
        public String toString() {
            return call;
        }
    }

    /** A thread that holds a lock until {@link #release()}. */
    protected final class Holder {
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);
        private Worker<Void> worker;

        /** Lets the holder release the lock and waits for it to finish. */
        public void release() throws InterruptedException {
            letGo.countDown();
            worker.join();
        }
    }

    /** Starts a thread that acquires {@code lock} and holds it until {@link Holder#release()}. */
    protected Holder holdInAnotherThread(Lock lock) throws InterruptedException {
        Holder holder = new Holder();
        holder.worker = workers.start("holder", () -> {
            lock.acquire();
            try {
                holder.held.countDown();
                await(holder.letGo, "the test to let the holder release");
                assertTrue(lock.isHeldByCurrentThread(), "the holder must still hold the lock");
            } finally {
                lock.release();
            }
        });
        await(holder.held, "the holder to acquire the lock");
        return holder;
    }
}
