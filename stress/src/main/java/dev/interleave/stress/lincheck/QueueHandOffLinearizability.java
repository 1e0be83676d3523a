package dev.interleave.stress.lincheck;

import static dev.interleave.stress.lincheck.Scenario.op;

import dev.interleave.primitives.Queue;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * A queue of capacity {@value #CAPACITY} when its waiters are woken: hand-written scenarios only
 * (see {@link Scenario}), of three threads, checked against a one-place buffer, one call at a
 * time. Capacity 1 makes every put fill the queue and every take empty it, so that takers and
 * putters wait in turns. Two things go wrong in a queue built on a lock and conditions, and
 * these scenarios provoke both:
 *
 * <ul>
 *   <li>A woken waiter has not got the lock back yet: a third thread may barge in and take the
 *       item (or fill the room) it was woken for. A waiter that does not look again (an
 *       {@code if} where a {@code while} belongs) then takes from an empty queue or puts into a
 *       full one.
 *   <li>A wake-up must reach a thread that can use it: two takers wait, a putter puts twice; when
 *       a taker makes room, its signal must wake the putter, not the other taker (one condition
 *       for "not empty" and "not full", woken with {@code signal()}, gets this wrong, and then
 *       everybody waits).
 * </ul>
 *
 * <p>In every scenario the puts and takes balance, so a correct queue lets every waiter
 * through. The waiters wait without a timeout: Lincheck 3.7 models a timed {@code Object.wait} as
 * returning at once without letting other threads take the monitor, so a correct monitor-based
 * queue would be reported as livelocked. The order of items plays no part (one place), yet each
 * kind of queue is checked ({@link FifoQueueHandOffLinearizability},
 * {@link LifoQueueHandOffLinearizability}, {@link PriorityQueueHandOffLinearizability}): a
 * submission may build each kind on its own, and the spurious wake-ups of the conformance suite
 * never reach a waiter whose condition swallows them (a {@code ReentrantLock} condition does), so
 * for such a queue these scenarios are the only deterministic catch of an {@code if} in
 * {@code take()}. (Each run of these three-thread scenarios costs half a minute of model checking.)
 */
public abstract class QueueHandOffLinearizability extends LinearizabilityTest {
    static final int CAPACITY = 1;

    private final Queue<Integer> queue = newQueue();

    /** The queue under test, of capacity {@link #CAPACITY}. */
    protected abstract Queue<Integer> newQueue();

    @Operation
    public boolean offer(int item) {
        return queue.offer(item);
    }

    @Operation
    public Integer poll() {
        return queue.poll();
    }

    @Operation
    public int size() {
        return queue.size();
    }

    // These wait.

    public void put(int item) throws InterruptedException {
        queue.put(item);
    }

    public int take() throws InterruptedException {
        return queue.take();
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        Class<?> test = getClass();
        return options.sequentialSpecification(Sequential.class)
                .iterations(0)
                // two takers wait, a putter puts twice: the room made by a taker must reach the putter
                .addCustomScenario(Scenario.of(test)
                        .thread(op("take"))
                        .thread(op("take"))
                        .thread(op("put", 1), op("put", 2))
                        .build())
                // two putters wait, a taker takes twice: the item put must reach the taker
                .addCustomScenario(Scenario.of(test)
                        .initially(op("put", 1))
                        .thread(op("put", 2))
                        .thread(op("put", 3))
                        .thread(op("take"), op("take"))
                        .afterwards(op("poll"))
                        .build())
                // a taker is woken for an item, and a poller barges in
                .addCustomScenario(Scenario.of(test)
                        .thread(op("take"))
                        .thread(op("put", 1))
                        .thread(op("poll"), op("put", 2))
                        .afterwards(op("size"))
                        .build())
                // a putter is woken for room, and an offerer barges in
                .addCustomScenario(Scenario.of(test)
                        .initially(op("put", 1))
                        .thread(op("put", 2))
                        .thread(op("take"))
                        .thread(op("offer", 3), op("poll"))
                        .afterwards(op("size"), op("poll"))
                        .build());
    }

    /** A bounded queue of capacity {@link #CAPACITY}, one call at a time. */
    public static class Sequential {
        private final List<Integer> items = new ArrayList<>();

        public boolean offer(int item) {
            if (items.size() == CAPACITY) {
                return false;
            }
            items.add(item);
            return true;
        }

        public Integer poll() {
            return items.isEmpty() ? null : items.remove(0);
        }

        public int size() {
            return items.size();
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

        @Override
        public boolean equals(Object other) {
            return other instanceof Sequential that && items.equals(that.items);
        }

        @Override
        public int hashCode() {
            return items.hashCode();
        }
    }
}
