package dev.interleave.stress.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The spurious-wake-up injector and the forced wake-up do what they say: they wake a thread
 * parked by {@code LockSupport}, a waiter that checks in a loop survives them, one that checks
 * once does not, and a thread in {@code Object.wait} is out of their reach.
 */
class SpuriousWakeupsTest {

    @Test
    void aWakeUpReachesAParkedThreadThatThenParksAgain() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger wakeUps = new AtomicInteger();
        try (Workers workers = new Workers()) {
            Worker<Void> looping = workers.startBlocked("parks in a loop", () -> {
                while (!done.get()) {
                    LockSupport.park();
                    wakeUps.incrementAndGet();
                }
            });
            for (int i = 1; i <= 3; i++) {
                assertEquals(SpuriousWakeups.Reach.PARKED_AGAIN, SpuriousWakeups.wakeOnce(looping.thread()));
                assertTrue(wakeUps.get() >= i, "the thread was not woken");
            }
            done.set(true);
            LockSupport.unpark(looping.thread());
            looping.join();
        }
    }

    @Test
    void aWaiterThatChecksOnceReturnsAfterAWakeUp() throws Exception {
        AtomicBoolean ready = new AtomicBoolean();
        try (Workers workers = new Workers()) {
            Worker<Boolean> once = workers.call("parks once", () -> {
                if (!ready.get()) {
                    LockSupport.park();
                }
                return ready.get();
            });
            once.assertBlocked();
            assertEquals(SpuriousWakeups.Reach.FINISHED, SpuriousWakeups.wakeOnce(once.thread()));
            assertFalse(once.join(), "it returned though nothing it waited for happened");
        }
    }

    @Test
    void aThreadInObjectWaitIsOutOfReach() throws Exception {
        Object monitor = new Object();
        AtomicBoolean done = new AtomicBoolean();
        try (Workers workers = new Workers()) {
            Worker<Void> waiting = workers.startBlocked("waits on a monitor", () -> {
                synchronized (monitor) {
                    while (!done.get()) {
                        monitor.wait();
                    }
                }
            });
            assertEquals(SpuriousWakeups.Reach.UNREACHABLE, SpuriousWakeups.wakeOnce(waiting.thread()));
            synchronized (monitor) {
                done.set(true);
                monitor.notifyAll();
            }
            waiting.join();
        }
    }

    @Test
    void theInjectorWakesTheWorkersWhileItIsOn() throws Exception {
        boolean wasEnabled = SpuriousWakeups.isEnabled();
        SpuriousWakeups.enable();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger wakeUps = new AtomicInteger();
        try (Workers workers = new Workers()) {
            Worker<Void> parked = workers.start("parks in a loop", () -> {
                while (!done.get()) {
                    LockSupport.park();
                    wakeUps.incrementAndGet();
                }
            });
            Blocking.awaitCondition("the injector to wake the parked worker 10 times", () -> wakeUps.get() >= 10);
            done.set(true);
            LockSupport.unpark(parked.thread());
            parked.join();
        } finally {
            if (!wasEnabled) {
                SpuriousWakeups.disable();
            }
        }
        assertTrue(SpuriousWakeups.injected() > 0, "the injector counted no wake-up");
    }
}
