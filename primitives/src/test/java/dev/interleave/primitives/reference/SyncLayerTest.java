package dev.interleave.primitives.reference;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Queue;
import dev.interleave.primitives.Semaphore;
import dev.interleave.primitives.Timer;
import dev.interleave.primitives.reference.sync.GuardedBarrier;
import dev.interleave.primitives.reference.sync.GuardedEvent;
import dev.interleave.primitives.reference.sync.GuardedQueue;
import dev.interleave.primitives.reference.sync.GuardedSemaphore;
import dev.interleave.primitives.reference.sync.GuardedTimer;
import dev.interleave.primitives.reference.sync.QueueShutDownException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quick checks of the layer-2 reference primitives; the conformance suite lives in the stress module. */
class SyncLayerTest {
    private static final long LONG = Spawned.TIMEOUT_MS;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    // ---- Event

    @Test
    void eventWaiterReleasedBySetReturnsTrueEvenIfClearedAtOnce() throws Exception {
        Event event = new GuardedEvent();
        Spawned<Boolean> waiter = Spawned.start(() -> event.await(LONG, MILLISECONDS)).awaitBlocked();
        event.set();
        event.clear();
        assertTrue(waiter.join());
        assertFalse(event.isSet());
    }

    @Test
    void eventWaiterArrivingAfterClearWaits() throws Exception {
        Event event = new GuardedEvent();
        event.set();
        event.clear();
        assertFalse(event.await(10, MILLISECONDS));
        assertFalse(event.await(0, MILLISECONDS));
    }

    @Test
    void eventInterruptOnEntryWinsEvenWhenSet() {
        Event event = new GuardedEvent();
        event.set();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> event.await(0, MILLISECONDS));
        assertFalse(Thread.currentThread().isInterrupted());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, event::await);
    }

    // ---- Semaphore

    @Test
    void boundedSemaphoreRefusesReleasePastInitialPermitsAndChangesNothing() throws Exception {
        Semaphore semaphore = GuardedSemaphore.bounded(2);
        assertThrows(IllegalStateException.class, semaphore::release);
        assertEquals(2, semaphore.availablePermits());
        assertTrue(semaphore.tryAcquire());
        semaphore.release();
        assertEquals(2, semaphore.availablePermits());
    }

    @Test
    void semaphoreRefusesNegativePermits() {
        assertThrows(IllegalArgumentException.class, () -> GuardedSemaphore.counting(-1));
        assertThrows(IllegalArgumentException.class, () -> GuardedSemaphore.bounded(-1));
    }

    @Test
    void semaphoreAcquireWaitsForRelease() throws Exception {
        Semaphore semaphore = GuardedSemaphore.counting(0);
        assertFalse(semaphore.tryAcquire());
        assertFalse(semaphore.tryAcquire(10, MILLISECONDS));
        Spawned<Boolean> taker = Spawned.start(() -> semaphore.tryAcquire(LONG, MILLISECONDS)).awaitBlocked();
        semaphore.release();
        assertTrue(taker.join());
        assertEquals(0, semaphore.availablePermits());
    }

    @Test
    void semaphoreInterruptOnEntryWinsEvenWithPermits() {
        Semaphore semaphore = GuardedSemaphore.counting(1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> semaphore.tryAcquire(0, MILLISECONDS));
        assertEquals(1, semaphore.availablePermits());
    }

    // ---- Barrier

    @Test
    void barrierGivesArrivalIndicesFirstToLastAndIsReusable() throws Exception {
        Barrier barrier = new GuardedBarrier(3);
        for (int round = 0; round < 2; round++) {
            Spawned<Integer> first = Spawned.start(barrier::await).awaitBlocked();
            Spawned<Integer> second = Spawned.start(barrier::await).awaitBlocked();
            assertEquals(2, barrier.waiting());
            assertEquals(0, barrier.await());
            assertEquals(Set.of(2, 1), Set.of(first.join(), second.join()));
            assertEquals(0, barrier.waiting());
        }
    }

    @Test
    void barrierResetBreaksWaitersAndStartsAFreshRound() throws Exception {
        Barrier barrier = new GuardedBarrier(2);
        Spawned<Integer> waiter = Spawned.start(barrier::await).awaitBlocked();
        barrier.reset();
        assertInstanceOf(BrokenBarrierException.class, waiter.joinFailure());
        assertFalse(barrier.isBroken());
        Spawned<Integer> next = Spawned.start(barrier::await).awaitBlocked();
        assertEquals(0, barrier.await());
        assertEquals(1, next.join());
    }

    @Test
    void barrierTimeoutBreaksItForTheOthers() throws Exception {
        Barrier barrier = new GuardedBarrier(3);
        Spawned<Integer> waiter = Spawned.start(barrier::await).awaitBlocked();
        assertThrows(TimeoutException.class, () -> barrier.await(10, MILLISECONDS));
        assertInstanceOf(BrokenBarrierException.class, waiter.joinFailure());
        assertTrue(barrier.isBroken());
        assertEquals(0, barrier.waiting());
        assertThrows(BrokenBarrierException.class, barrier::await);
    }

    @Test
    void barrierZeroTimeoutWithPartiesMissingTimesOutAndBreaks() {
        Barrier barrier = new GuardedBarrier(2);
        assertThrows(TimeoutException.class, () -> barrier.await(0, MILLISECONDS));
        assertTrue(barrier.isBroken());
    }

    @Test
    void barrierOfOnePartyTripsAtOnceEvenWithZeroTimeout() throws Exception {
        Barrier barrier = new GuardedBarrier(1);
        assertEquals(0, barrier.await(0, MILLISECONDS));
        assertFalse(barrier.isBroken());
    }

    @Test
    void barrierInterruptedWaiterBreaksItForTheOthers() throws Exception {
        Barrier barrier = new GuardedBarrier(3);
        Spawned<Integer> other = Spawned.start(barrier::await).awaitBlocked();
        Spawned<Integer> interrupted = Spawned.start(barrier::await).awaitBlocked();
        interrupted.thread().interrupt();
        assertInstanceOf(InterruptedException.class, interrupted.joinFailure());
        assertInstanceOf(BrokenBarrierException.class, other.joinFailure());
        assertTrue(barrier.isBroken());
    }

    @Test
    void barrierInterruptOnEntryWinsAndBreaks() {
        Barrier barrier = new GuardedBarrier(1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, barrier::await);
        assertTrue(barrier.isBroken());
        assertThrows(IllegalArgumentException.class, () -> new GuardedBarrier(0));
    }

    // ---- Queue

    @Test
    void queuesTakeInTheirOrder() throws Exception {
        Queue<Integer> fifo = GuardedQueue.fifo(3);
        Queue<Integer> lifo = GuardedQueue.lifo(3);
        Queue<Integer> priority = GuardedQueue.priority(3, null);
        for (int item : new int[] {2, 3, 1}) {
            fifo.put(item);
            lifo.put(item);
            priority.put(item);
        }
        assertEquals(List.of(2, 3, 1), drain(fifo));
        assertEquals(List.of(1, 3, 2), drain(lifo));
        assertEquals(List.of(1, 2, 3), drain(priority));
    }

    @Test
    void everyItemPutIsTakenExactlyOnceByCompetingThreads() throws Exception {
        Queue<Integer> queue = GuardedQueue.fifo(2);
        int perProducer = 5_000;
        List<Spawned<Void>> producers = new ArrayList<>();
        List<Spawned<long[]>> consumers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int base = p * perProducer;
            producers.add(Spawned.run(() -> {
                for (int i = 1; i <= perProducer; i++) {
                    queue.put(base + i);
                }
            }));
        }
        for (int c = 0; c < 2; c++) {
            consumers.add(Spawned.start(() -> {
                long[] countAndSum = new long[2];
                for (Integer item = queue.poll(LONG, MILLISECONDS); item != 0; item = queue.poll(LONG, MILLISECONDS)) {
                    countAndSum[0]++;
                    countAndSum[1] += item;
                }
                return countAndSum;
            }));
        }
        for (Spawned<Void> producer : producers) {
            producer.join();
        }
        queue.put(0);
        queue.put(0);
        long count = 0;
        long sum = 0;
        for (Spawned<long[]> consumer : consumers) {
            long[] countAndSum = consumer.join();
            count += countAndSum[0];
            sum += countAndSum[1];
        }
        int total = 2 * perProducer;
        assertEquals(total, count);
        assertEquals((long) total * (total + 1) / 2, sum);
    }

    @Test
    void priorityQueueMatchesAHeapUnderRandomOperations() {
        Random random = new Random(42);
        Queue<Integer> queue = GuardedQueue.priority(64, Comparator.reverseOrder());
        PriorityQueue<Integer> model = new PriorityQueue<>(Comparator.reverseOrder());
        for (int i = 0; i < 5_000; i++) {
            if (random.nextInt(3) > 0 && model.size() < 64) {
                int item = random.nextInt(50);
                assertTrue(queue.offer(item));
                model.add(item);
            } else {
                assertEquals(model.poll(), queue.poll());
            }
            assertEquals(model.size(), queue.size());
        }
    }

    @Test
    void priorityQueueRefusesAnItemItCannotOrderAndChangesNothing() throws Exception {
        Queue<Object> natural = GuardedQueue.priority(4, null);
        assertThrows(ClassCastException.class, () -> natural.put(new Object()));
        assertThrows(ClassCastException.class, () -> natural.offer(new Object()));
        assertEquals(0, natural.size());
        natural.put(5);
        natural.put(7);
        natural.put(6);
        assertThrows(ClassCastException.class, () -> natural.offer("x"));
        assertEquals(3, natural.size());
        assertEquals(List.of(5, 6, 7), drain(natural));
        assertThrows(IllegalStateException.class, natural::taskDone);
    }

    @Test
    void priorityQueueStaysIntactWhenItsComparatorThrowsHalfwayUp() throws Exception {
        Comparator<Integer> refusesZeroAgainstOne = (a, b) -> {
            if (Math.min(a, b) == 0 && Math.max(a, b) == 1) {
                throw new ClassCastException("0 and 1 cannot be compared");
            }
            return Integer.compare(a, b);
        };
        Queue<Integer> queue = GuardedQueue.priority(8, refusesZeroAgainstOne);
        for (int item = 1; item <= 7; item++) {
            queue.put(item);
        }
        assertThrows(ClassCastException.class, () -> queue.put(0));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), drain(queue));
    }

    @Test
    void queueRefusesBadSizesAndNullItems() {
        assertThrows(IllegalArgumentException.class, () -> GuardedQueue.fifo(0));
        assertThrows(IllegalArgumentException.class, () -> GuardedQueue.priority(0, null));
        Queue<String> queue = GuardedQueue.fifo(1);
        assertThrows(NullPointerException.class, () -> queue.put(null));
        assertThrows(NullPointerException.class, () -> queue.offer(null));
        assertEquals(0, queue.size());
    }

    @Test
    void fullQueueOffersFalseAndEmptyQueuePollsNull() throws Exception {
        Queue<String> queue = GuardedQueue.fifo(1);
        assertNull(queue.poll());
        assertNull(queue.poll(10, MILLISECONDS));
        assertTrue(queue.offer("a"));
        assertTrue(queue.isFull());
        assertFalse(queue.offer("b"));
        assertFalse(queue.offer("b", 10, MILLISECONDS));
        assertEquals("a", queue.poll(0, MILLISECONDS));
        assertTrue(queue.isEmpty());
    }

    @Test
    void blockedPutterProceedsWhenATakeMakesRoom() throws Exception {
        Queue<String> queue = GuardedQueue.fifo(1);
        queue.put("a");
        Spawned<Boolean> putter = Spawned.start(() -> queue.offer("b", LONG, MILLISECONDS)).awaitBlocked();
        assertEquals("a", queue.take());
        assertTrue(putter.join());
        assertEquals("b", queue.take());
    }

    @Test
    void queueInterruptOnEntryWinsEvenWhenItCouldCompleteAtOnce() throws Exception {
        Queue<String> queue = GuardedQueue.fifo(2);
        queue.put("a");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> queue.offer("b", 0, MILLISECONDS));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> queue.poll(0, MILLISECONDS));
        assertEquals(1, queue.size());
    }

    @Test
    void joinWaitsUntilEveryItemIsDoneAndTaskDoneRefusesExtraCalls() throws Exception {
        Queue<String> queue = GuardedQueue.fifo(2);
        assertThrows(IllegalStateException.class, queue::taskDone);
        queue.put("a");
        queue.put("b");
        Spawned<Void> joiner = Spawned.run(() -> queue.join()).awaitBlocked();
        queue.take();
        queue.taskDone();
        queue.take();
        queue.taskDone();
        joiner.join();
        assertThrows(IllegalStateException.class, queue::taskDone);
    }

    @Test
    void shutDownQueueRefusesPutsAndDrainsBeforeFailingTakes() throws Exception {
        GuardedQueue<String> queue = GuardedQueue.fifo(1);
        queue.put("a");
        Spawned<Void> putter = Spawned.run(() -> queue.put("b")).awaitBlocked();
        queue.shutdown(false);
        assertInstanceOf(QueueShutDownException.class, putter.joinFailure());
        assertThrows(QueueShutDownException.class, () -> queue.offer("c"));
        assertTrue(queue.awaitReadable(0, MILLISECONDS));
        assertEquals("a", queue.take());
        assertThrows(QueueShutDownException.class, queue::take);
        assertThrows(QueueShutDownException.class, queue::poll);
    }

    @Test
    void immediateShutdownDiscardsItemsWakesTakersAndReleasesJoin() throws Exception {
        GuardedQueue<String> empty = GuardedQueue.fifo(1);
        Spawned<String> taker = Spawned.start(empty::take).awaitBlocked();
        Spawned<Boolean> watcher = Spawned.start(() -> empty.awaitReadable(LONG, MILLISECONDS)).awaitBlocked();
        empty.shutdown(true);
        assertInstanceOf(QueueShutDownException.class, taker.joinFailure());
        assertTrue(watcher.join());

        GuardedQueue<String> full = GuardedQueue.fifo(1);
        full.put("a");
        full.shutdown(true);
        assertEquals(0, full.size());
        full.join();
    }

    @Test
    void watcherDoesNotSwallowTheWakeUpATakerNeeds() throws Exception {
        GuardedQueue<String> queue = GuardedQueue.fifo(1);
        Spawned<Boolean> watcher = Spawned.start(() -> queue.awaitReadable(LONG, MILLISECONDS)).awaitBlocked();
        Spawned<String> taker = Spawned.start(() -> queue.poll(LONG, MILLISECONDS)).awaitBlocked();
        queue.put("a");
        assertEquals("a", taker.join());
        queue.shutdown(false); // the watcher may have looked after the take: let it go
        assertTrue(watcher.join());
    }

    // ---- Timer

    @Test
    void timerRunsItsActionOnceAndCancelThenFails() throws Exception {
        List<String> ran = new ArrayList<>();
        Timer timer = new GuardedTimer(-5, MILLISECONDS, () -> ran.add(Thread.currentThread().isDaemon() ? "daemon" : "user"));
        assertFalse(timer.await(0, MILLISECONDS));
        timer.start();
        assertTrue(timer.await(LONG, MILLISECONDS));
        assertEquals(List.of("daemon"), ran);
        assertFalse(timer.cancel());
        assertThrows(IllegalStateException.class, timer::start);
    }

    @Test
    void cancelledTimerNeverRunsEvenWhenStartedAfterwards() throws Exception {
        List<String> ran = new ArrayList<>();
        Timer before = new GuardedTimer(0, MILLISECONDS, () -> ran.add("before"));
        assertTrue(before.cancel());
        assertTrue(before.cancel());
        before.start();
        assertTrue(before.await(0, MILLISECONDS));
        assertThrows(IllegalStateException.class, before::start);

        Timer waiting = new GuardedTimer(1, TimeUnit.HOURS, () -> ran.add("waiting"));
        waiting.start();
        assertTrue(waiting.cancel());
        assertTrue(waiting.await(LONG, MILLISECONDS));
        assertEquals(List.of(), ran);
    }

    @Test
    void timerWhoseActionThrowsStillFinishesAndReportsIt() throws Exception {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> reported.complete(e));
        try {
            Timer timer = new GuardedTimer(0, MILLISECONDS, () -> {
                throw new IllegalStateException("boom");
            });
            timer.start();
            assertTrue(timer.await(LONG, MILLISECONDS));
            assertFalse(timer.cancel());
            assertEquals("boom", reported.get(LONG, MILLISECONDS).getMessage());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    private static <E> List<E> drain(Queue<E> queue) {
        List<E> items = new ArrayList<>();
        for (E item = queue.poll(); item != null; item = queue.poll()) {
            items.add(item);
            queue.taskDone();
        }
        return items;
    }
}
