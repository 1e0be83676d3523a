package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Queue;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.Worker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link Queue}: one abstract suite, driven by the kind of queue under test
 * ({@link Fifo}, {@link Lifo}, {@link Priority}), each of which says what order items come out
 * in by naming a sequential model from {@code java.util}. Items in order checks are distinct,
 * since the order of equal priorities is unspecified.
 */
public abstract class QueueConformance extends ConformanceTest {

    /** A queue of the kind under test; a priority queue uses natural order. */
    protected abstract <E> Queue<E> newQueue(int capacity);

    /** A sequential model of the order this kind hands out (distinct) items in. */
    protected abstract java.util.Queue<Integer> model();

    @DisplayName("Queue: fifoQueue(capacity)")
    public static class Fifo extends QueueConformance {
        @Override
        protected <E> Queue<E> newQueue(int capacity) {
            return primitives.fifoQueue(capacity);
        }

        @Override
        protected java.util.Queue<Integer> model() {
            return new ArrayDeque<>();
        }

        @Test
        @Tag(ConformanceTest.STRESS)
        void eachConsumerSeesTheItemsOfAProducerInTheOrderTheyWerePut() throws Exception {
            List<List<Item>> taken = passItemsBetweenThreads(newQueue(3));
            for (List<Item> consumer : taken) {
                int[] last = {-1, -1};
                for (Item item : consumer) {
                    assertTrue(item.sequence > last[item.producer],
                            "a FIFO queue handed out item " + item.sequence + " of producer " + item.producer
                                    + " after item " + last[item.producer]);
                    last[item.producer] = item.sequence;
                }
            }
        }
    }

    @DisplayName("Queue: lifoQueue(capacity)")
    public static class Lifo extends QueueConformance {
        @Override
        protected <E> Queue<E> newQueue(int capacity) {
            return primitives.lifoQueue(capacity);
        }

        @Override
        protected java.util.Queue<Integer> model() {
            return Collections.asLifoQueue(new ArrayDeque<>());
        }
    }

    @DisplayName("Queue: priorityQueue(capacity, order)")
    public static class Priority extends QueueConformance {
        @Override
        protected <E> Queue<E> newQueue(int capacity) {
            return primitives.priorityQueue(capacity, null);
        }

        @Override
        protected java.util.Queue<Integer> model() {
            return new PriorityQueue<>();
        }

        @Test
        void theComparatorDecidesTheOrder() throws Exception {
            Queue<Integer> reversed = primitives.priorityQueue(5, Comparator.reverseOrder());
            for (int item : new int[] {3, 1, 4, 5, 2}) {
                reversed.put(item);
            }
            assertEquals(List.of(5, 4, 3, 2, 1), drain(reversed), "the comparator must decide the order");

            Queue<String> byLength = primitives.priorityQueue(3, Comparator.comparingInt(String::length));
            byLength.put("ccc");
            byLength.put("a");
            byLength.put("bb");
            assertEquals(List.of("a", "bb", "ccc"), drain(byLength), "the comparator must decide the order");
        }

        @Test
        void aNullComparatorMeansNaturalOrder() throws Exception {
            Queue<String> natural = primitives.priorityQueue(4, null);
            for (String item : new String[] {"pear", "apple", "quince", "banana"}) {
                natural.put(item);
            }
            assertEquals(List.of("apple", "banana", "pear", "quince"), drain(natural));
        }

        /** Not Comparable: only the comparator can order it. */
        record Job(String name, int priority) {}

        @Test
        void itemsNeedNotBeComparableWhenAComparatorIsGiven() throws Exception {
            Queue<Job> jobs = primitives.priorityQueue(3, Comparator.comparingInt(Job::priority));
            jobs.put(new Job("later", 9));
            jobs.put(new Job("first", 1));
            jobs.put(new Job("middle", 5));
            assertEquals(List.of("first", "middle", "later"), drain(jobs).stream().map(Job::name).toList());
        }

        @Test
        void itemsOfEqualPriorityAllComeOut() throws Exception {
            Queue<Job> jobs = primitives.priorityQueue(4, Comparator.comparingInt(Job::priority));
            List<Job> put = List.of(new Job("a", 1), new Job("b", 1), new Job("c", 1), new Job("d", 0));
            for (Job job : put) {
                jobs.put(job);
            }
            List<String> taken = drain(jobs).stream().map(Job::name).toList();
            assertEquals(4, taken.size());
            assertEquals("d", taken.get(0), "the highest priority must come out first");
            assertEquals(Set.of("a", "b", "c"), Set.copyOf(taken.subList(1, 4)),
                    "every item of equal priority must come out once (in any order)");
        }
    }

    // ---------------------------------------------------------------- sizes and order

    @Test
    void capacitiesBelowOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> newQueue(0));
        assertThrows(IllegalArgumentException.class, () -> newQueue(-1));
    }

    @Test
    void aNewQueueIsEmptyAndHasItsCapacity() throws Exception {
        Queue<Integer> queue = newQueue(3);
        assertEquals(3, queue.capacity());
        assertEquals(0, queue.size());
        assertTrue(queue.isEmpty());
        assertFalse(queue.isFull());
        assertNull(queue.poll());
        assertNull(queue.poll(0, MS));
    }

    @Test
    void offerFillsTheQueueAndThenFailsWithoutChangingIt() throws Exception {
        Queue<Integer> queue = newQueue(3);
        java.util.Queue<Integer> model = model();
        for (int item : new int[] {20, 10, 30}) {
            assertTrue(queue.offer(item), "offer() must succeed while there is room");
            model.add(item);
        }
        assertTrue(queue.isFull());
        assertEquals(3, queue.size());
        assertFalse(queue.offer(5), "offer() must fail when the queue is full");
        assertFalse(queue.offer(6, 0, MS), "offer(item, 0) must fail when the queue is full");
        assertFalse(queue.offer(7, -1, MS), "offer(item, -1) must fail when the queue is full");
        assertEquals(3, queue.size(), "a failed offer must change nothing");
        assertEquals(new ArrayList<>(drainModel(model)), drain(queue));
    }

    @Test
    void itemsComeOutInTheOrderOfTheirKind() throws Exception {
        int capacity = 5;
        Queue<Integer> queue = newQueue(capacity);
        java.util.Queue<Integer> model = model();
        Random random = new Random(20240611L);
        for (int step = 0; step < 2_000; step++) {
            String what = "step " + step;
            int op = random.nextInt(6);
            if (op < 3) {
                int item = random.nextInt(1_000_000) * 2_048 + step;   // distinct, in no particular order
                boolean room = model.size() < capacity;
                boolean offered = switch (op) {
                    case 0 -> queue.offer(item);
                    case 1 -> queue.offer(item, 0, MS);
                    default -> {
                        if (room) {
                            queue.put(item);
                        }
                        yield room;
                    }
                };
                assertEquals(room, offered, what + ": offer must succeed exactly when there is room");
                if (room) {
                    model.add(item);
                }
            } else {
                Integer expected = model.poll();
                Integer taken = switch (op) {
                    case 3 -> queue.poll();
                    case 4 -> queue.poll(0, MS);
                    default -> expected == null ? queue.poll() : queue.take();
                };
                assertEquals(expected, taken, what + ": wrong item (or none) came out");
            }
            assertEquals(model.size(), queue.size(), what + ": size()");
            assertEquals(model.isEmpty(), queue.isEmpty(), what + ": isEmpty()");
            assertEquals(model.size() == capacity, queue.isFull(), what + ": isFull()");
        }
    }

    @Test
    void nullItemsAreRejectedAndChangeNothing() throws Exception {
        Queue<Integer> queue = newQueue(3);
        queue.put(1);
        assertThrows(NullPointerException.class, () -> queue.put(null), "put(null)");
        assertThrows(NullPointerException.class, () -> queue.offer(null), "offer(null)");
        assertThrows(NullPointerException.class, () -> queue.offer(null, 0, MS), "offer(null, 0)");
        assertThrows(NullPointerException.class, () -> queue.offer(null, LONG, MS), "offer(null, timeout)");
        assertEquals(1, queue.size(), "a rejected null must change nothing");
        assertEquals(List.of(1), drain(queue));
    }

    @Test
    void queriesSeeChangesMadeByOtherThreads() throws Exception {
        Queue<Integer> queue = newQueue(2);
        workers.start("producer", () -> {
            queue.put(1);
            queue.put(2);
        }).join();
        assertEquals(2, queue.size());
        assertTrue(queue.isFull());
        workers.start("consumer", () -> {
            queue.take();
            queue.take();
        }).join();
        assertEquals(0, queue.size());
        assertTrue(queue.isEmpty());
    }

    // ---------------------------------------------------------------- blocking and timeouts

    /**
     * A mutable item: its plain field is written before put and read after take. Comparable, for
     * a priority queue in natural order.
     */
    static final class Box implements Comparable<Box> {
        int value;

        @Override
        public int compareTo(Box other) {
            return Integer.compare(value, other.value);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Take.class)
    void takingBlocksWhileEmptyAndGetsWhatAnotherThreadPuts(Take how) throws Exception {
        Queue<Box> queue = newQueue(2);
        Worker<Integer> taker = workers.call("taker", () -> how.take(queue).value);
        taker.assertBlocked();
        Box box = new Box();
        box.value = 42;
        queue.put(box);
        assertEquals(42, taker.join(), "a write before put() must be visible after the take() of that item");
        assertTrue(queue.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Put.class)
    void puttingBlocksWhileFullAndCompletesWhenRoomIsMade(Put how) throws Exception {
        Queue<Integer> queue = newQueue(1);
        queue.put(1);
        Worker<Void> putter = workers.startBlocked("putter", () -> how.put(queue, 2));
        assertEquals(1, queue.size(), "a blocked put must not add its item");
        assertEquals(1, queue.take());
        putter.join();
        assertEquals(2, queue.take());
        assertTrue(queue.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Take.class)
    void aTakerKeepsWaitingThroughSpuriousWakeUps(Take how) throws Exception {
        Queue<Integer> queue = newQueue(1);
        Worker<Integer> taker = workers.call("taker", () -> how.take(queue));
        taker.assertBlocked();
        assertKeepsWaitingThroughSpuriousWakeUps(taker, how.toString());
        queue.put(7);
        assertEquals(7, taker.join());
        assertTrue(queue.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Put.class)
    void aPutterKeepsWaitingThroughSpuriousWakeUps(Put how) throws Exception {
        Queue<Integer> queue = newQueue(1);
        queue.put(1);
        Worker<Void> putter = workers.startBlocked("putter", () -> how.put(queue, 2));
        assertKeepsWaitingThroughSpuriousWakeUps(putter, how.toString());
        assertEquals(1, queue.size(), "a spuriously woken putter must not add its item to a full queue");
        assertEquals(1, queue.take());
        putter.join();
        assertEquals(List.of(2), drain(queue));
    }

    @Test
    void timedPollReturnsNullWhenTheTimeRunsOut() throws Exception {
        Queue<Integer> queue = newQueue(1);
        long start = System.nanoTime();
        assertNull(queue.poll(SHORT, MS), "poll(timeout) must return null: nothing was put");
        Delays.assertWaitedAtLeast(start, SHORT, "poll(timeout)");
        assertNull(queue.poll(-1, MS));
    }

    @Test
    void timedOfferReturnsFalseWhenTheTimeRunsOut() throws Exception {
        Queue<Integer> queue = newQueue(1);
        queue.put(1);
        long start = System.nanoTime();
        assertFalse(queue.offer(2, SHORT, MS), "offer(timeout) must fail: the queue stayed full");
        Delays.assertWaitedAtLeast(start, SHORT, "offer(item, timeout)");
        assertEquals(List.of(1), drain(queue), "a failed offer must change nothing");
    }

    @Test
    void nonPositiveTimeoutsTryOnce() throws Exception {
        Queue<Integer> queue = newQueue(2);
        assertNull(queue.poll(0, MS));
        assertTrue(queue.offer(1, 0, MS), "offer(item, 0) must succeed when there is room");
        assertTrue(queue.offer(2, -1, MS), "offer(item, -1) must succeed when there is room");
        assertFalse(queue.offer(3, 0, MS));
        assertEquals(2, queue.size());
        assertTrue(Set.of(1, 2).contains(queue.poll(0, MS)), "poll(0) must return an item that is there");
        assertTrue(Set.of(1, 2).contains(queue.poll(-1, MS)), "poll(-1) must return an item that is there");
        assertTrue(queue.isEmpty());
    }

    @Test
    void extremeTimeoutsDoNotOverflow() throws Exception {
        Queue<Integer> queue = newQueue(1);
        assertNull(inWorker("poll(Long.MIN_VALUE)", () -> queue.poll(Long.MIN_VALUE, MS)),
                "poll(Long.MIN_VALUE) must try once and return null: the queue is empty");
        Worker<Integer> taker = workers.call("poll(Long.MAX_VALUE)",
                () -> queue.poll(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        taker.assertBlocked();
        queue.put(1);
        assertEquals(1, taker.join(), "poll(Long.MAX_VALUE) must wait until an item is put");
        assertTrue(inWorker("offer(item, Long.MIN_VALUE)", () -> queue.offer(2, Long.MIN_VALUE, MS)),
                "offer(item, Long.MIN_VALUE) must add the item when there is room");
        assertFalse(inWorker("offer(item, Long.MIN_VALUE)", () -> queue.offer(3, Long.MIN_VALUE, MS)),
                "offer(item, Long.MIN_VALUE) must try once and fail: the queue is full");
        Worker<Boolean> putter = workers.call("offer(item, Long.MAX_VALUE)",
                () -> queue.offer(4, Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        putter.assertBlocked();
        assertEquals(2, queue.take());
        assertTrue(putter.join(), "offer(item, Long.MAX_VALUE) must wait until there is room");
        assertEquals(List.of(4), drain(queue));
    }

    @Test
    @Tag(ConformanceTest.STRESS)
    void manyProducersAndConsumersPassEveryItemExactlyOnce() throws Exception {
        passItemsBetweenThreads(newQueue(3));
    }

    // ---------------------------------------------------------------- interrupts

    @Test
    void blockingCallsThrowWhenInterruptedOnEntryAndChangeNothing() throws Exception {
        Queue<Integer> queue = newQueue(2);
        assertInterruptedOnEntry("take() on an empty queue", queue::take);
        assertInterruptedOnEntry("poll(timeout) on an empty queue", () -> queue.poll(NEVER, MS));
        assertInterruptedOnEntry("put()", () -> queue.put(1));
        assertInterruptedOnEntry("offer(item, timeout)", () -> queue.offer(1, NEVER, MS));
        assertInterruptedOnEntry("offer(item, 0)", () -> queue.offer(1, 0, MS));
        assertTrue(queue.isEmpty(), "an interrupted put must not add its item");
        queue.put(7);
        assertInterruptedOnEntry("take() with an item there", queue::take);
        assertInterruptedOnEntry("poll(timeout) with an item there", () -> queue.poll(NEVER, MS));
        assertInterruptedOnEntry("poll(0) with an item there", () -> queue.poll(0, MS));
        assertInterruptedOnEntry("join() with an unfinished task", queue::join);
        assertEquals(List.of(7), drain(queue), "an interrupted take must not remove an item");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Take.class)
    void takingThrowsWhenInterruptedWhileWaitingAndTakesNothingLater(Take how) throws Exception {
        Queue<Integer> queue = newQueue(1);
        assertInterruptedWhileWaiting(how.toString(), () -> how.take(queue));
        queue.put(1);
        assertEquals(1, queue.size(), "the interrupted taker must not take a later item");
        assertEquals(1, queue.poll());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Put.class)
    void puttingThrowsWhenInterruptedWhileWaitingAndAddsNothing(Put how) throws Exception {
        Queue<Integer> queue = newQueue(1);
        queue.put(1);
        assertInterruptedWhileWaiting(how.toString(), () -> how.put(queue, 2));
        assertEquals(1, queue.take());
        assertTrue(queue.isEmpty(), "the interrupted put must not add its item later");
    }

    // ---------------------------------------------------------------- taskDone and join

    @Test
    void joinReturnsAtOnceWhenNothingWasPut() throws Exception {
        Queue<Integer> queue = newQueue(1);
        workers.start("joiner", queue::join).join();
    }

    @Test
    void joinWaitsUntilEveryItemPutIsMarkedDone() throws Exception {
        Queue<Integer> queue = newQueue(2);
        queue.put(1);
        queue.put(2);
        List<Worker<Void>> joiners = List.of(
                workers.startBlocked("joiner 1", queue::join),
                workers.startBlocked("joiner 2", queue::join));
        queue.take();
        queue.take();
        queue.taskDone();
        for (Worker<Void> joiner : joiners) {
            joiner.assertBlocked();   // one task is still unfinished
        }
        queue.taskDone();
        for (Worker<Void> joiner : joiners) {
            joiner.join();
        }
        workers.start("late joiner", queue::join).join();
    }

    @Test
    void joinWaitsForTaskDoneEvenWhenEveryItemWasAlreadyTaken() throws Exception {
        Queue<Integer> queue = newQueue(2);
        queue.put(1);
        assertEquals(1, queue.take());
        Worker<Void> joiner = workers.startBlocked("joiner", queue::join);   // taken is not done
        assertTrue(queue.isEmpty());
        queue.taskDone();
        joiner.join();
    }

    @Test
    void taskDoneMoreOftenThanItemsPutThrowsAndChangesNothing() throws Exception {
        Queue<Integer> queue = newQueue(2);
        assertThrows(IllegalStateException.class, queue::taskDone, "taskDone() before any put");
        queue.put(1);
        queue.take();
        queue.taskDone();
        assertThrows(IllegalStateException.class, queue::taskDone, "more taskDone() calls than items put");
        workers.start("joiner", queue::join).join();
        queue.put(2);
        Worker<Void> joiner = workers.startBlocked("joiner of the next item", queue::join);
        queue.take();
        queue.taskDone();   // the refused calls must not have been counted
        joiner.join();
    }

    @Test
    void joinThrowsWhenInterruptedWhileWaiting() throws Exception {
        Queue<Integer> queue = newQueue(1);
        queue.put(1);
        assertInterruptedWhileWaiting("join()", queue::join);
        queue.take();
        queue.taskDone();
        workers.start("joiner", queue::join).join();
    }

    // ---------------------------------------------------------------- helpers

    /** The ways of taking that wait for an item. */
    enum Take {
        TAKE("take()") {
            @Override
            <E> E take(Queue<E> queue) throws InterruptedException {
                return queue.take();
            }
        },
        TIMED_POLL("poll(timeout)") {
            @Override
            <E> E take(Queue<E> queue) throws InterruptedException {
                E item = queue.poll(NEVER, MS);
                assertTrue(item != null, "poll(timeout) must return the item put meanwhile");
                return item;
            }
        };

        private final String call;

        Take(String call) {
            this.call = call;
        }

        abstract <E> E take(Queue<E> queue) throws InterruptedException;

        @Override
        public String toString() {
            return call;
        }
    }

    /** The ways of putting that wait for room. */
    enum Put {
        PUT("put()") {
            @Override
            <E> void put(Queue<E> queue, E item) throws InterruptedException {
                queue.put(item);
            }
        },
        TIMED_OFFER("offer(item, timeout)") {
            @Override
            <E> void put(Queue<E> queue, E item) throws InterruptedException {
                assertTrue(queue.offer(item, NEVER, MS), "offer(item, timeout) must succeed once there is room");
            }
        };

        private final String call;

        Put(String call) {
            this.call = call;
        }

        abstract <E> void put(Queue<E> queue, E item) throws InterruptedException;

        @Override
        public String toString() {
            return call;
        }
    }

    /**
     * What {@link #passItemsBetweenThreads} sends: who made it, its number, and a payload (a plain
     * array) written before it is put. Comparable, for a priority queue in natural order.
     */
    record Item(int producer, int sequence, int[] payload) implements Comparable<Item> {
        @Override
        public int compareTo(Item other) {
            int bySequence = Integer.compare(sequence, other.sequence);
            return bySequence != 0 ? bySequence : Integer.compare(producer, other.producer);
        }
    }

    /**
     * Two producers put 2,000 items each, through {@code queue}, to two consumers that take 2,000
     * each and mark them done; the test thread joins the queue. Every item must arrive exactly once,
     * with the payload written before it was put. Returns what each consumer took, in order.
     */
    List<List<Item>> passItemsBetweenThreads(Queue<Item> queue) throws Exception {
        int perThread = 2_000;
        List<Worker<Void>> producers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int producer = p;
            producers.add(workers.start("producer " + p, () -> {
                for (int i = 0; i < perThread; i++) {
                    int[] payload = {producer, i};
                    if (i % 2 == 0) {
                        queue.put(new Item(producer, i, payload));
                    } else {
                        assertTrue(queue.offer(new Item(producer, i, payload), NEVER, MS));
                    }
                }
            }));
        }
        List<Worker<List<Item>>> consumers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            consumers.add(workers.call("consumer " + c, () -> {
                List<Item> taken = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    Item item = i % 2 == 0 ? queue.take() : queue.poll(NEVER, MS);
                    assertTrue(item != null, "poll(timeout) must return an item that is put meanwhile");
                    assertEquals(item.producer(), item.payload()[0], "the item's contents must be visible");
                    assertEquals(item.sequence(), item.payload()[1], "the item's contents must be visible");
                    taken.add(item);
                    queue.taskDone();
                }
                return taken;
            }));
        }
        for (Worker<Void> producer : producers) {
            producer.join();
        }
        workers.start("joiner", queue::join).join();   // returns once the consumers marked every item done
        List<List<Item>> taken = new ArrayList<>();
        Set<List<Integer>> seen = new HashSet<>();
        for (Worker<List<Item>> consumer : consumers) {
            List<Item> items = consumer.join();
            taken.add(items);
            for (Item item : items) {
                assertTrue(seen.add(List.of(item.producer(), item.sequence())),
                        "item " + item.sequence() + " of producer " + item.producer() + " came out twice");
            }
        }
        assertEquals(2 * perThread, seen.size(), "every item put must come out");
        assertTrue(queue.isEmpty());
        return taken;
    }

    static <E> List<E> drain(Queue<E> queue) {
        List<E> items = new ArrayList<>();
        for (E item = queue.poll(); item != null; item = queue.poll()) {
            items.add(item);
        }
        return items;
    }

    static List<Integer> drainModel(java.util.Queue<Integer> model) {
        List<Integer> items = new ArrayList<>();
        for (Integer item = model.poll(); item != null; item = model.poll()) {
            items.add(item);
        }
        return items;
    }

}
