package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Barrier;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.Worker;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Barrier} ({@code barrier(parties)}): parties meet, the last to arrive
 * releases them all, arrival indexes count down from {@code parties - 1} to 0, rounds repeat;
 * a timeout, an interrupt or {@code reset()} breaks the round for everyone, as
 * {@code CyclicBarrier} does.
 */
@DisplayName("Barrier: barrier(parties)")
public class BarrierConformance extends ConformanceTest {

    @Test
    void partiesBelowOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> primitives.barrier(0));
        assertThrows(IllegalArgumentException.class, () -> primitives.barrier(-1));
    }

    @Test
    void aNewBarrierHasItsPartiesAndNobodyWaiting() {
        Barrier barrier = primitives.barrier(3);
        assertEquals(3, barrier.parties());
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
    }

    @Test
    void aBarrierOfOnePartyTripsAtOnce() throws Exception {
        Barrier barrier = primitives.barrier(1);
        assertEquals(0, barrier.await());
        assertEquals(0, barrier.await(NEVER, MS));
        assertEquals(0, barrier.await(0, MS), "the last party needs no time to trip the barrier");
        assertFalse(barrier.isBroken());
        assertEquals(0, barrier.waiting());
    }

    @Test
    void theLastArrivalReleasesEveryoneAndArrivalIndexesCountDown() throws Exception {
        Barrier barrier = primitives.barrier(3);
        Worker<Integer> first = workers.call("first", barrier::await);
        first.assertBlocked();
        assertEquals(1, barrier.waiting());
        Worker<Integer> second = workers.call("second", () -> barrier.await(NEVER, MS));
        second.assertBlocked();
        assertEquals(2, barrier.waiting());
        assertEquals(0, barrier.await(), "the last to arrive gets index 0");
        assertEquals(2, first.join(), "the first to arrive gets index parties - 1");
        assertEquals(1, second.join());
        assertEquals(0, barrier.waiting(), "a trip starts a new round with nobody waiting");
        assertFalse(barrier.isBroken());
    }

    @Test
    void waitingPartiesKeepWaitingThroughSpuriousWakeUps() throws Exception {
        Barrier barrier = primitives.barrier(3);
        Worker<Integer> first = workers.call("first", barrier::await);
        first.assertBlocked();
        assertKeepsWaitingThroughSpuriousWakeUps(first, "await()");
        Worker<Integer> second = workers.call("second", () -> barrier.await(NEVER, MS));
        second.assertBlocked();
        assertKeepsWaitingThroughSpuriousWakeUps(second, "await(timeout)");
        assertEquals(2, barrier.waiting(), "spuriously woken parties must still be waiting");
        assertFalse(barrier.isBroken());
        assertEquals(0, barrier.await());
        assertEquals(2, first.join());
        assertEquals(1, second.join());
    }

    @Test
    void theLastPartyTripsTheBarrierEvenWithAZeroTimeout() throws Exception {
        Barrier barrier = primitives.barrier(2);
        Worker<Integer> first = workers.call("first", barrier::await);
        first.assertBlocked();
        assertEquals(0, barrier.await(0, MS), "the last party needs no time to trip the barrier");
        assertEquals(1, first.join());
        assertFalse(barrier.isBroken());
    }

    int[] slots;   // plain array: each party writes its slot before the barrier, reads the others' after

    @Test
    @Tag(ConformanceTest.STRESS)
    void theBarrierIsReusableAndEachRoundSeesWhatEveryPartyWroteBeforeIt() throws Exception {
        int parties = 3;
        int rounds = 200;
        Barrier barrier = primitives.barrier(parties);
        slots = new int[parties];
        int[][] indexes = new int[parties][rounds];
        for (int p = 0; p < parties; p++) {
            int me = p;
            workers.start("party " + p, () -> {
                for (int round = 1; round <= rounds; round++) {
                    slots[me] = round;
                    indexes[me][round - 1] = me % 2 == 0 ? barrier.await() : barrier.await(NEVER, MS);
                    for (int other = 0; other < parties; other++) {
                        int seen = slots[other];
                        assertEquals(round, seen,
                                "party " + me + " in round " + round + " saw party " + other + " in round " + seen);
                    }
                    barrier.await();   // nobody writes the next round before everyone has read this one
                }
            });
        }
        workers.joinAll();
        for (int round = 0; round < rounds; round++) {
            Set<Integer> seen = new HashSet<>();
            for (int p = 0; p < parties; p++) {
                seen.add(indexes[p][round]);
            }
            assertEquals(Set.of(0, 1, 2), seen, "each round must hand out every arrival index once");
        }
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
    }

    // ---------------------------------------------------------------- breaking

    @Test
    void aTimedOutAwaitThrowsTimeoutAndBreaksTheBarrierForTheOthers() throws Exception {
        Barrier barrier = primitives.barrier(3);
        Worker<Void> other = workers.startBlocked("other", () ->
                assertThrows(BrokenBarrierException.class, barrier::await,
                        "a waiter must get BrokenBarrierException when another party times out"));
        long start = System.nanoTime();
        assertThrows(TimeoutException.class, () -> barrier.await(SHORT, MS));
        Delays.assertWaitedAtLeast(start, SHORT, "await(timeout)");
        assertTrue(barrier.isBroken(), "a timeout must break the barrier");
        other.join();
        assertThrows(BrokenBarrierException.class, barrier::await, "await() on a broken barrier must throw at once");
        assertThrows(BrokenBarrierException.class, () -> barrier.await(NEVER, MS),
                "await(timeout) on a broken barrier must throw at once");
        assertTrue(barrier.isBroken());
    }

    @Test
    void aZeroTimeoutAwaitThatIsNotLastThrowsTimeoutAtOnceAndBreaksTheBarrier() {
        Barrier barrier = primitives.barrier(2);
        assertThrows(TimeoutException.class, () -> barrier.await(0, MS));
        assertTrue(barrier.isBroken());
        Barrier other = primitives.barrier(2);
        assertThrows(TimeoutException.class, () -> other.await(-1, MS));
        assertTrue(other.isBroken());
    }

    @Test
    void extremeTimeoutsDoNotOverflow() throws Exception {
        Barrier lonely = primitives.barrier(2);
        inWorker("await(Long.MIN_VALUE)", () -> assertThrows(TimeoutException.class,
                () -> lonely.await(Long.MIN_VALUE, MS), "await(Long.MIN_VALUE) must time out at once"));
        Barrier barrier = primitives.barrier(2);
        Worker<Integer> patient = workers.call("await(Long.MAX_VALUE)",
                () -> barrier.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        patient.assertBlocked();
        assertEquals(0, (int) inWorker("await(Long.MIN_VALUE) by the last party",
                () -> barrier.await(Long.MIN_VALUE, MS)), "the last party needs no time to trip the barrier");
        assertEquals(1, patient.join(), "await(Long.MAX_VALUE) must wait until the last party arrives");
    }

    @Test
    void resetBreaksTheRoundForItsWaitersAndStartsAFreshOne() throws Exception {
        Barrier barrier = primitives.barrier(3);
        Worker<Void> first = workers.startBlocked("first", () ->
                assertThrows(BrokenBarrierException.class, barrier::await, "reset() must break await()"));
        Worker<Void> second = workers.startBlocked("second", () ->
                assertThrows(BrokenBarrierException.class, () -> barrier.await(NEVER, MS),
                        "reset() must break await(timeout)"));
        barrier.reset();
        first.join();
        second.join();
        assertFalse(barrier.isBroken(), "after reset() the barrier starts a fresh round");
        assertEquals(0, barrier.waiting());
        completeOneRound(barrier);
    }

    @Test
    void resetRepairsABrokenBarrier() throws Exception {
        Barrier barrier = primitives.barrier(2);
        assertThrows(TimeoutException.class, () -> barrier.await(0, MS));
        assertTrue(barrier.isBroken());
        barrier.reset();
        assertFalse(barrier.isBroken());
        assertEquals(0, barrier.waiting());
        completeOneRound(barrier);
    }

    @Test
    void anInterruptedWaiterThrowsAndBreaksTheBarrierForTheOthers() throws Exception {
        Barrier barrier = primitives.barrier(3);
        Worker<Void> other = workers.startBlocked("other", () ->
                assertThrows(BrokenBarrierException.class, barrier::await,
                        "a waiter must get BrokenBarrierException when another party is interrupted"));
        assertInterruptedWhileWaiting("await()", barrier::await);
        other.join();
        assertTrue(barrier.isBroken(), "an interrupted waiter must break the barrier");
    }

    @Test
    void anInterruptedTimedWaiterThrowsAndBreaksTheBarrier() throws Exception {
        Barrier barrier = primitives.barrier(2);
        assertInterruptedWhileWaiting("await(timeout)", () -> barrier.await(NEVER, MS));
        assertTrue(barrier.isBroken(), "an interrupted waiter must break the barrier");
    }

    @Test
    void awaitThrowsWhenInterruptedOnEntry() throws Exception {
        // a fresh barrier for each call: an interrupt may break the barrier, and on a broken
        // barrier either exception may be thrown
        Barrier untimed = primitives.barrier(2);
        assertInterruptedOnEntry("await()", untimed::await);
        Barrier timed = primitives.barrier(2);
        assertInterruptedOnEntry("await(timeout)", () -> timed.await(NEVER, MS));
        Barrier zero = primitives.barrier(2);
        assertInterruptedOnEntry("await(0)", () -> zero.await(0, MS));
    }

    /** Two workers and the test thread complete one round of a 2- or 3-party barrier. */
    private void completeOneRound(Barrier barrier) throws Exception {
        Set<Integer> indexes = new HashSet<>();
        Worker<Integer> first = workers.call("first of the new round", barrier::await);
        first.assertBlocked();
        Worker<Integer> second = null;
        if (barrier.parties() == 3) {
            second = workers.call("second of the new round", barrier::await);
            second.assertBlocked();
        }
        indexes.add(barrier.await());
        indexes.add(first.join());
        if (second != null) {
            indexes.add(second.join());
        }
        assertEquals(barrier.parties(), indexes.size(), "each party of the round gets its own index");
        assertFalse(barrier.isBroken());
    }
}
