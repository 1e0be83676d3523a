package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Held;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.RLock;
import dev.interleave.stress.harness.Worker;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RLock} ({@code rlock()}): everything a {@link Lock} promises (inherited
 * from {@link LockConformance}, but for non-reentrancy), plus hold counts: the owner may acquire
 * again, each acquire needs a release, and the lock is free only when the count is back to zero.
 */
@DisplayName("RLock: rlock()")
public class RLockConformance extends LockConformance {

    @Override
    protected Lock newLock() {
        return primitives.rlock();
    }

    /**
     * Not for an RLock. Disabled rather than assumed away: a test that aborts while it runs is a
     * failure to a grader (a submission can throw an abort itself), a disabled one is not run.
     */
    @Override
    @Test
    @Disabled("an RLock is reentrant")
    void theOwnerCannotAcquireAgainBecauseTheLockIsNotReentrant() {}

    @Test
    void theHoldCountIsZeroWhenNobodyHoldsTheLock() {
        RLock lock = primitives.rlock();
        assertEquals(0, lock.holdCount());
    }

    @Test
    void theOwnerMayAcquireAgainAndEachAcquireNeedsARelease() throws Exception {
        RLock lock = primitives.rlock();
        lock.acquire();
        lock.acquireInterruptibly();
        assertTrue(lock.tryAcquire(), "tryAcquire() by the owner must succeed: the lock is reentrant");
        assertTrue(lock.tryAcquire(0, MS), "tryAcquire(0) by the owner must succeed: the lock is reentrant");
        assertTrue(lock.tryAcquire(LONG, MS), "tryAcquire(timeout) by the owner must succeed at once");
        assertEquals(5, lock.holdCount());
        for (int holds = 4; holds >= 1; holds--) {
            lock.release();
            assertEquals(holds, lock.holdCount());
            assertTrue(lock.isHeldByCurrentThread(), "the lock stays held while holds are left");
        }
        workers.start("prober", () -> assertFalse(lock.tryAcquire(),
                "the lock must not be free while its owner has a hold left")).join();
        lock.release();
        assertEquals(0, lock.holdCount());
        assertFalse(lock.isHeldByCurrentThread());
        workers.start("other", () -> {
            assertTrue(lock.tryAcquire(), "the lock must be free once every hold was released");
            lock.release();
        }).join();
    }

    @Test
    void theHoldCountIsZeroInAThreadThatDoesNotOwnTheLock() throws Exception {
        RLock lock = primitives.rlock();
        lock.acquire();
        lock.acquire();
        workers.start("other", () -> {
            assertEquals(0, lock.holdCount(), "holdCount() counts the calling thread's holds only");
            assertFalse(lock.isHeldByCurrentThread());
        }).join();
        assertEquals(2, lock.holdCount());
        lock.release();
        lock.release();
    }

    @Test
    void aWaiterGetsTheLockOnlyWhenEveryHoldIsReleased() throws Exception {
        RLock lock = primitives.rlock();
        lock.acquire();
        lock.acquire();
        Worker<Void> waiter = workers.startBlocked("waiter", () -> {
            lock.acquire();
            assertEquals(1, lock.holdCount(), "a new owner starts with one hold");
            lock.release();
        });
        lock.release();
        workers.start("prober", () -> assertFalse(lock.tryAcquire(),
                "the lock must not be free while its owner has a hold left")).join();
        waiter.assertBlocked();
        lock.release();
        waiter.join();
    }

    @Test
    void releasingAnotherThreadsRLockThrowsAndKeepsItsHolds() throws Exception {
        RLock lock = primitives.rlock();
        lock.acquire();
        lock.acquire();
        workers.start("intruder", () -> {
            assertThrows(IllegalMonitorStateException.class, lock::release);
            assertEquals(0, lock.holdCount());
        }).join();
        assertEquals(2, lock.holdCount(), "a failed release() by another thread must change nothing");
        lock.release();
        lock.release();
    }

    @Test
    void releasingMoreOftenThanAcquiredThrowsAndLeavesTheLockFree() throws Exception {
        RLock lock = primitives.rlock();
        lock.acquire();
        lock.release();
        assertThrows(IllegalMonitorStateException.class, lock::release);
        assertEquals(0, lock.holdCount(), "a failed release() must leave the hold count at zero");
        workers.start("other", () -> {
            assertTrue(lock.tryAcquire(), "a failed release() must leave the lock free");
            assertEquals(1, lock.holdCount());
            lock.release();
        }).join();
    }

    @Test
    @SuppressWarnings("try")   // the hold is the point: its body need not use it
    void nestedHoldsAreReleasedOneAtATime() {
        RLock lock = primitives.rlock();
        try (Held outer = lock.hold()) {
            try (Held inner = lock.hold()) {
                assertEquals(2, lock.holdCount());
            }
            assertEquals(1, lock.holdCount());
            assertTrue(lock.isHeldByCurrentThread());
        }
        assertEquals(0, lock.holdCount());
    }

    @Test
    void acquireInterruptiblyByTheOwnerThrowsWhenInterruptedOnEntryAndKeepsItsHolds() throws Exception {
        RLock lock = primitives.rlock();
        workers.start("owner", () -> {
            lock.acquire();
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, lock::acquireInterruptibly,
                    "acquireInterruptibly() must throw InterruptedException when the caller is interrupted on entry");
            assertFalse(Thread.currentThread().isInterrupted(), "the interrupt flag must be cleared");
            assertEquals(1, lock.holdCount(), "the interrupted acquire must not add a hold");
            lock.release();
        }).join();
    }
}
