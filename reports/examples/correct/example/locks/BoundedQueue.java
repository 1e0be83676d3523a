package example.locks;

import dev.interleave.primitives.Queue;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's queue.Queue, LifoQueue and PriorityQueue: one lock guards a {@code java.util.Queue}
 * that decides the order (FIFO, LIFO or priority), a capacity, and the count of unfinished tasks.
 * Takers wait on {@code notEmpty}, putters on {@code notFull}, joiners on {@code allDone}; each
 * waits in a loop on its predicate.
 */
final class BoundedQueue<E> implements Queue<E> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition allDone = lock.newCondition();
    private final int capacity;
    private final java.util.Queue<E> items;   // guarded by lock
    private long unfinished;                  // items put and not yet marked done; guarded by lock

    BoundedQueue(int capacity, java.util.Queue<E> items) {
        this.capacity = capacity;
        this.items = items;
    }

    @Override
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (items.size() == capacity) {
                notFull.await();
            }
            insert(item);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean offer(E item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            if (items.size() == capacity) {
                return false;
            }
            insert(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.size() == capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            insert(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
            return extract();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll() {
        lock.lock();
        try {
            return items.isEmpty() ? null : extract();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return extract();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
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
        lock.lock();
        try {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than items were put");
            }
            if (--unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void join() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (unfinished > 0) {
                allDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Call only while holding lock, with room for the item. */
    private void insert(E item) {
        items.add(item);
        unfinished++;
        notEmpty.signal();
    }

    /** Call only while holding lock, with an item there. */
    private E extract() {
        E item = items.remove();
        notFull.signal();
        return item;
    }
}
