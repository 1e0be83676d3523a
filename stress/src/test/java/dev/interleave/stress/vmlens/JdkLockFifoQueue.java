package dev.interleave.stress.vmlens;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Queue;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code queue.Queue} on a {@link JdkLock} and three conditions, as in Python's
 * {@code queue} module. The contents of {@code items} and {@code unfinished} are guarded by
 * {@code lock}; a put signals one taker, a take one putter.
 *
 * @param <E> the type of the items
 */
final class JdkLockFifoQueue<E> implements Queue<E> {
    private final Lock lock = new JdkLock(false);
    /** Predicate: an item is there. */
    private final Condition notEmpty = lock.newCondition();
    /** Predicate: there is room. */
    private final Condition notFull = lock.newCondition();
    /** Predicate: every item ever put was marked done. */
    private final Condition allDone = lock.newCondition();
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final int capacity;
    private long unfinished;

    JdkLockFifoQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.acquireInterruptibly();
        try {
            while (items.size() == capacity) {
                notFull.await();
            }
            store(item);
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean offer(E item) {
        Objects.requireNonNull(item, "item");
        try (var held = lock.hold()) {
            return items.size() < capacity && store(item);
        }
    }

    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.acquireInterruptibly();
        try {
            return notFull.awaitUntil(() -> items.size() < capacity, timeout, unit) && store(item);
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
            return remove();
        } finally {
            lock.release();
        }
    }

    @Override
    public E poll() {
        try (var held = lock.hold()) {
            return items.isEmpty() ? null : remove();
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            return notEmpty.awaitUntil(() -> !items.isEmpty(), timeout, unit) ? remove() : null;
        } finally {
            lock.release();
        }
    }

    @Override
    public int size() {
        try (var held = lock.hold()) {
            return items.size();
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
        return size() == capacity;
    }

    @Override
    public void taskDone() {
        try (var held = lock.hold()) {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than there were items");
            }
            if (--unfinished == 0) {
                allDone.signalAll();
            }
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

    /** Call only while holding lock, with room in the queue. */
    private boolean store(E item) {
        items.addLast(item);
        unfinished++;
        notEmpty.signal();
        return true;
    }

    /** Call only while holding lock, with an item in the queue. */
    private E remove() {
        E item = items.removeFirst();
        notFull.signal();
        return item;
    }
}
