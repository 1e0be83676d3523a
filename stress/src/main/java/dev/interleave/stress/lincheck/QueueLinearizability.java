package dev.interleave.stress.lincheck;

import static dev.interleave.stress.lincheck.Scenario.op;

import dev.interleave.primitives.Queue;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * A queue behaves like a bounded sequence of items, one call at a time: the operations of
 * {@code fifoQueue}, {@code lifoQueue} and {@code priorityQueue}, which differ only in the item
 * that leaves next ({@link Sequential#next}).
 *
 * <p>Capacity {@value #CAPACITY} and items 1 to 3, so that the queue is often full, often empty,
 * and holds equal items. Random scenarios use the operations that never wait: {@code offer},
 * {@code offer(0)}, {@code poll}, {@code poll(0)}, {@code size}, {@code isEmpty}, {@code isFull}
 * and {@code taskDone}. The waiting ones ({@code put}, {@code take}, {@code join}, and under
 * stress {@code offer(timeout)} and {@code poll(timeout)}) run in hand-written scenarios (see
 * {@link Scenario}) in which every waiter is eventually let through: takers wait for puts that
 * come, putters for takes that come, {@code join} for a {@code taskDone} that comes.
 */
public abstract class QueueLinearizability extends LinearizabilityTest {
    static final int CAPACITY = 2;

    /** The items: 1 to 3. */
    static final String ITEMS = "1:3";

    private final Queue<Integer> queue = newQueue();

    /** The queue under test, of capacity {@link #CAPACITY}. */
    protected abstract Queue<Integer> newQueue();

    /** The specification of the queue under test. */
    protected abstract Class<? extends Sequential> sequential();

    @Operation
    public boolean offer(@Param(gen = IntGen.class, conf = ITEMS) int item) {
        return queue.offer(item);
    }

    @Operation
    public boolean offerWithoutWaiting(@Param(gen = IntGen.class, conf = ITEMS) int item) throws InterruptedException {
        return queue.offer(item, 0, MS);
    }

    @Operation
    public Integer poll() {
        return queue.poll();
    }

    @Operation
    public Integer pollWithoutWaiting() throws InterruptedException {
        return queue.poll(0, MS);
    }

    @Operation
    public int size() {
        return queue.size();
    }

    @Operation
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Operation
    public boolean isFull() {
        return queue.isFull();
    }

    @Operation
    public void taskDone() {
        queue.taskDone();
    }

    // Hand-written scenarios only: these wait.

    public void put(int item) throws InterruptedException {
        queue.put(item);
    }

    public int take() throws InterruptedException {
        return queue.take();
    }

    public boolean offerWaiting(int item) throws InterruptedException {
        return queue.offer(item, NEVER, MS);
    }

    public Integer pollWaiting() throws InterruptedException {
        return queue.poll(NEVER, MS);
    }

    public void join() throws InterruptedException {
        queue.join();
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return options.sequentialSpecification(sequential())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("take"), op("take"))
                        .thread(op("put", 1), op("put", 2))
                        .afterwards(op("size"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .initially(op("put", 1), op("put", 2))
                        .thread(op("put", 3), op("isFull"))
                        .thread(op("take"), op("take"), op("take"))
                        .afterwards(op("poll"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .initially(op("put", 1))
                        .thread(op("join"), op("isEmpty"))
                        .thread(op("take"), op("taskDone"))
                        .build());
    }

    @Override
    protected List<Scenario> timedScenarios() {
        return List.of(
                Scenario.of(getClass())
                        .initially(op("put", 1), op("put", 2))
                        .thread(op("offerWaiting", 3), op("put", 1))
                        .thread(op("take"), op("pollWaiting"), op("take"))
                        .afterwards(op("poll")),
                Scenario.of(getClass())
                        .thread(op("pollWaiting"), op("take"))
                        .thread(op("offer", 3), op("offerWaiting", 2)));
    }

    /**
     * A bounded queue with task tracking, one call at a time. Subclasses choose the item that
     * leaves next.
     */
    public abstract static class Sequential {
        protected final List<Integer> items = new ArrayList<>();
        private int unfinished;

        /** The index in {@link #items} (in order of arrival) of the item that leaves next. */
        protected abstract int next();

        public boolean offer(int item) {
            if (items.size() == CAPACITY) {
                return false;
            }
            items.add(item);
            unfinished++;
            return true;
        }

        public boolean offerWithoutWaiting(int item) {
            return offer(item);
        }

        public Integer poll() {
            return items.isEmpty() ? null : items.remove(next());
        }

        public Integer pollWithoutWaiting() {
            return poll();
        }

        public int size() {
            return items.size();
        }

        public boolean isEmpty() {
            return items.isEmpty();
        }

        public boolean isFull() {
            return items.size() == CAPACITY;
        }

        public void taskDone() {
            if (unfinished == 0) {
                throw new IllegalStateException();
            }
            unfinished--;
        }

        public void put(int item) {
            if (!offer(item)) {
                throw new WouldBlock();
            }
        }

        public int take() {
            Integer item = poll();
            if (item == null) {
                throw new WouldBlock();
            }
            return item;
        }

        public boolean offerWaiting(int item) {
            put(item);
            return true;
        }

        public Integer pollWaiting() {
            return take();
        }

        public void join() {
            if (unfinished > 0) {
                throw new WouldBlock();
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sequential that && that.getClass() == getClass()
                    && items.equals(that.items) && unfinished == that.unfinished;
        }

        @Override
        public int hashCode() {
            return items.hashCode() * 31 + unfinished;
        }
    }
}
