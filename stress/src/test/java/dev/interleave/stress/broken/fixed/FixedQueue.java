package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Queue;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded queue as a student writes it once the lecture's bugs are fixed, on a lock and its
 * conditions: {@code notEmpty} for takers, {@code notFull} for putters, each named after its
 * predicate and always waited on in a {@code while}; {@code allDone} for {@code join}. What comes
 * out next is up to the storage: a FIFO deque, a LIFO view of one, or a priority heap.
 *
 * <p>The broken queue variants extend this class and break one method each.
 *
 * @param <E> the items
 */
public class FixedQueue<E> implements Queue<E> {
    protected final Lock lock = Given.lock();
    protected final Condition notEmpty = lock.newCondition();
    protected final Condition notFull;
    protected final Condition allDone = lock.newCondition();
    protected final java.util.Queue<E> items;   // guarded by lock
    protected final int capacity;
    protected long unfinished;                  // guarded by lock: items put and not yet marked done

    protected FixedQueue(int capacity, java.util.Queue<E> items) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = items;
        this.notFull = conditionForRoom();
    }

    public static <E> FixedQueue<E> fifo(int capacity) {
        return new FixedQueue<>(capacity, new ArrayDeque<>());
    }

    public static <E> FixedQueue<E> lifo(int capacity) {
        return new FixedQueue<>(capacity, Collections.asLifoQueue(new ArrayDeque<>()));
    }

    public static <E> FixedQueue<E> priority(int capacity, Comparator<? super E> order) {
        return new FixedQueue<>(capacity, new PriorityQueue<>(order));
    }

    /** The condition putters wait on: one of its own, so that a signal to it wakes a putter. */
    protected Condition conditionForRoom() {
        return lock.newCondition();
    }

    /** Whether there is no room; call only while holding the lock. */
    protected boolean full() {
        return items.size() >= capacity;
    }

    @Override
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "a queue item must not be null");
        lock.acquireInterruptibly();
        try {
            while (full()) {
                notFull.await();
            }
            insert(item);
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean offer(E item) {
        Objects.requireNonNull(item, "a queue item must not be null");
        lock.acquire();
        try {
            if (full()) {
                return false;
            }
            insert(item);
            return true;
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(item, "a queue item must not be null");
        lock.acquireInterruptibly();
        try {
            if (!notFull.awaitUntil(() -> !full(), timeout, unit)) {
                return false;
            }
            insert(item);
            return true;
        } finally {
            lock.release();
        }
    }

    @Override
    public E take() throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
            return extract();
        } finally {
            lock.release();
        }
    }

    @Override
    public E poll() {
        lock.acquire();
        try {
            return items.isEmpty() ? null : extract();
        } finally {
            lock.release();
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            return notEmpty.awaitUntil(() -> !items.isEmpty(), timeout, unit) ? extract() : null;
        } finally {
            lock.release();
        }
    }

    /** Adds an item and wakes a taker; call only while holding the lock, with room. */
    protected void insert(E item) {
        items.add(item);
        unfinished++;
        notEmpty.signal();
    }

    /** Removes the next item and wakes a putter; call only while holding the lock, with an item there. */
    protected E extract() {
        E item = items.remove();
        notFull.signal();
        return item;
    }

    @Override
    public int size() {
        lock.acquire();
        try {
            return items.size();
        } finally {
            lock.release();
        }
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean isFull() {
        lock.acquire();
        try {
            return full();
        } finally {
            lock.release();
        }
    }

    @Override
    public void taskDone() {
        lock.acquire();
        try {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than there were items put");
            }
            if (--unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.release();
        }
    }

    @Override
    public void join() throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            while (unfinished > 0) {
                allDone.await();
            }
        } finally {
            lock.release();
        }
    }
}
