package example.queueif;

import dev.interleave.primitives.Queue;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO queue with task tracking: one lock, and the conditions {@code notEmpty},
 * {@code notFull} and {@code allDone}.
 *
 * <p>The bug: {@link #take()} waits for "not empty" with {@code if} instead of {@code while}. A
 * put signals one taker, but the woken taker must take the lock back before it goes on; another
 * thread (a {@code poll()}, or a second taker that just arrived) can take the item first. The
 * woken taker does not look again and takes from an empty queue.
 */
final class ConditionQueue<E> implements Queue<E> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition allDone = lock.newCondition();
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final int capacity;
    private int unfinished;

    ConditionQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1: " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (items.isEmpty()) {
                notEmpty.await();
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll() {
        lock.lock();
        try {
            return items.isEmpty() ? null : removeFirst();
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
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void put(E item) throws InterruptedException {
        checkNotNull(item);
        lock.lockInterruptibly();
        try {
            while (items.size() == capacity) {
                notFull.await();
            }
            addLast(item);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean offer(E item) {
        checkNotNull(item);
        lock.lock();
        try {
            if (items.size() == capacity) {
                return false;
            }
            addLast(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        checkNotNull(item);
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.size() == capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            addLast(item);
            return true;
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
                throw new IllegalStateException("taskDone() called too many times");
            }
            unfinished--;
            if (unfinished == 0) {
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

    private void addLast(E item) {
        items.addLast(item);
        unfinished++;
        notEmpty.signal();
    }

    private E removeFirst() {
        E item = items.removeFirst();
        notFull.signal();
        return item;
    }

    private static void checkNotNull(Object item) {
        if (item == null) {
            throw new NullPointerException("null items are not allowed");
        }
    }
}
