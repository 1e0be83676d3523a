package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Event;
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
 * The contract of {@link Event} ({@code event()}): a flag that threads wait for; {@code set()}
 * wakes every waiter, and a waiter released by a set returns even if {@code clear()} follows at
 * once (Python's rule), while a thread that arrives after the clear waits.
 */
@DisplayName("Event: event()")
public class EventConformance extends ConformanceTest {

    int written;   // plain field: only the event orders its write and its read

    @Test
    void aNewEventIsNotSet() throws Exception {
        Event event = primitives.event();
        assertFalse(event.isSet());
        assertFalse(event.await(0, MS), "await(0) on a new event must return false");
    }

    @Test
    void setAndClearChangeTheFlag() {
        Event event = primitives.event();
        event.set();
        assertTrue(event.isSet());
        event.set();
        assertTrue(event.isSet(), "set() twice leaves the flag set");
        event.clear();
        assertFalse(event.isSet());
        event.clear();
        assertFalse(event.isSet(), "clear() twice leaves the flag clear");
    }

    @Test
    void awaitReturnsAtOnceWhenSet() throws Exception {
        Event event = primitives.event();
        event.set();
        workers.start("waiter", () -> {
            event.await();
            assertTrue(event.await(0, MS), "await(0) on a set event must return true");
            assertTrue(event.await(-1, MS), "await(-1) on a set event must return true");
            assertTrue(event.await(NEVER, MS), "await(timeout) on a set event must return true");
        }).join();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Await.class)
    void awaitBlocksUntilSetAndSeesWhatTheSetterWrote(Await how) throws Exception {
        Event event = primitives.event();
        Worker<Integer> waiter = workers.call("waiter", () -> {
            how.await(event);
            return written;
        });
        waiter.assertBlocked();
        written = 42;
        event.set();
        assertEquals(42, waiter.join(), "a write before set() must be visible after await() returns");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Await.class)
    void aWaiterKeepsWaitingThroughSpuriousWakeUps(Await how) throws Exception {
        Event event = primitives.event();
        Worker<Void> waiter = workers.startBlocked("waiter", () -> how.await(event));
        assertKeepsWaitingThroughSpuriousWakeUps(waiter, how.toString());
        event.set();
        waiter.join();
    }

    @Test
    void setWakesEveryWaiter() throws Exception {
        Event event = primitives.event();
        List<Worker<Void>> waiters = new ArrayList<>();
        for (Await how : Await.values()) {
            for (int i = 0; i < 2; i++) {
                waiters.add(workers.startBlocked(how + " " + i, () -> how.await(event)));
            }
        }
        event.set();
        for (Worker<Void> waiter : waiters) {
            waiter.join();
        }
        assertTrue(event.isSet());
    }

    @Test
    void isSetSeesWhatTheSetterWroteBeforeSet() throws Exception {
        Event event = primitives.event();
        workers.start("setter", () -> {
            written = 7;
            event.set();
        });
        Blocking.awaitCondition("the event to be set", event::isSet);
        assertEquals(7, written, "a write before set() must be visible once isSet() returns true");
    }

    @Test
    void timedAwaitReturnsFalseWhenTheTimeRunsOut() throws Exception {
        Event event = primitives.event();
        long start = System.nanoTime();
        assertFalse(event.await(SHORT, MS), "await(timeout) must return the flag, false");
        Delays.assertWaitedAtLeast(start, SHORT, "await(timeout)");
    }

    @Test
    void timedAwaitWithANonPositiveTimeoutReturnsTheFlagAtOnce() throws Exception {
        Event event = primitives.event();
        assertFalse(event.await(0, MS));
        assertFalse(event.await(-1, MS));
        event.set();
        assertTrue(event.await(0, MS));
        assertTrue(event.await(-1, MS));
    }

    @Test
    void extremeTimeoutsDoNotOverflow() throws Exception {
        Event event = primitives.event();
        assertFalse(inWorker("await(Long.MIN_VALUE)", () -> event.await(Long.MIN_VALUE, MS)),
                "await(Long.MIN_VALUE) must return the flag, false, at once");
        Worker<Boolean> patient = workers.call("await(Long.MAX_VALUE)",
                () -> event.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        patient.assertBlocked();
        event.set();
        assertTrue(patient.join(), "await(Long.MAX_VALUE) must wait until set");
        assertTrue(inWorker("await(Long.MIN_VALUE)", () -> event.await(Long.MIN_VALUE, MS)),
                "await(Long.MIN_VALUE) must return the flag, true, at once");
    }

    @Test
    void waitersReleasedBySetReturnEvenIfTheEventIsClearedRightAfter() throws Exception {
        Event event = primitives.event();
        List<Worker<Void>> waiters = new ArrayList<>();
        for (Await how : Await.values()) {
            waiters.add(workers.startBlocked(how.toString(), () -> how.await(event)));
        }
        event.set();
        event.clear();
        for (Worker<Void> waiter : waiters) {
            waiter.join();  // a timed waiter asserts that it returned true
        }
        assertFalse(event.isSet());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Await.class)
    void aThreadArrivingAfterClearWaits(Await how) throws Exception {
        Event event = primitives.event();
        event.set();
        event.clear();
        Worker<Void> waiter = workers.startBlocked("waiter", () -> how.await(event));
        event.set();
        waiter.join();
    }

    // ---------------------------------------------------------------- interrupts

    @Test
    void awaitThrowsWhenInterruptedOnEntry() throws Exception {
        Event event = primitives.event();
        assertInterruptedOnEntry("await()", event::await);
        assertInterruptedOnEntry("await(timeout)", () -> event.await(NEVER, MS));
        assertInterruptedOnEntry("await(0)", () -> event.await(0, MS));
        assertFalse(event.isSet());
    }

    @Test
    void timedAwaitThrowsWhenInterruptedOnEntryEvenIfSet() throws Exception {
        Event event = primitives.event();
        event.set();
        assertInterruptedOnEntry("await(timeout)", () -> event.await(NEVER, MS));
        assertInterruptedOnEntry("await(0)", () -> event.await(0, MS));
        assertTrue(event.isSet());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Await.class)
    void awaitThrowsWhenInterruptedWhileWaiting(Await how) throws Exception {
        Event event = primitives.event();
        assertInterruptedWhileWaiting(how.toString(), () -> how.await(event));
        assertFalse(event.isSet());
        event.set();
        workers.start("later", event::await).join();
    }

    /** The ways of waiting for an event. */
    enum Await {
        AWAIT("await()") {
            @Override
            void await(Event event) throws InterruptedException {
                event.await();
            }
        },
        TIMED_AWAIT("await(timeout)") {
            @Override
            void await(Event event) throws InterruptedException {
                assertTrue(event.await(NEVER, MS), "await(timeout) released by set() must return true");
            }
        };

        private final String call;

        Await(String call) {
            this.call = call;
        }

        abstract void await(Event event) throws InterruptedException;

        @Override
        public String toString() {
            return call;
        }
    }
}
