package example.locks;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import dev.interleave.primitives.RLock;
import dev.interleave.primitives.Semaphore;
import dev.interleave.primitives.Timer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * Every primitive of the contract, built on {@link java.util.concurrent.locks.ReentrantLock} and
 * its conditions: each primitive guards its state with one lock and waits on conditions named
 * after what the waiter waits for.
 */
public class LockPrimitives implements Primitives {

    /** At most this much room is reserved up front for a queue's items; the rest grows on demand. */
    private static final int INITIAL_ROOM = 16;

    public LockPrimitives() {}

    @Override
    public Lock lock() {
        return new OwnedLock(false);
    }

    @Override
    public Lock fairLock() {
        return new OwnedLock(true);
    }

    @Override
    public RLock rlock() {
        return new CountingRLock();
    }

    @Override
    public Event event() {
        return new FlagEvent();
    }

    @Override
    public Semaphore semaphore(int permits) {
        return new CountingSemaphore(permits, false);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return new CountingSemaphore(permits, true);
    }

    @Override
    public Barrier barrier(int parties) {
        return new RoundBarrier(parties);
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        requirePositiveCapacity(capacity);
        return new BoundedQueue<>(capacity, new ArrayDeque<>(Math.min(capacity, INITIAL_ROOM)));
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        requirePositiveCapacity(capacity);
        return new BoundedQueue<>(capacity, Collections.asLifoQueue(new ArrayDeque<>(Math.min(capacity, INITIAL_ROOM))));
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        requirePositiveCapacity(capacity);
        return new BoundedQueue<>(capacity, new PriorityQueue<>(Math.min(capacity, INITIAL_ROOM), order));
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        requirePositiveCapacity(capacity);
        return PipeEnd.pipe(capacity);
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(action, "action");
        return new ThreadTimer(Math.max(0, unit.toNanos(delay)), action);
    }

    private static void requirePositiveCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
    }
}
