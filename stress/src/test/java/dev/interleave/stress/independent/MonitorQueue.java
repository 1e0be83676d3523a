package dev.interleave.stress.independent;

import dev.interleave.primitives.Queue;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bounded blocking queue on one monitor, with task tracking. The storage decides the order:
 * a FIFO deque, a LIFO view of a deque, or a binary heap. Takers, putters and joiners all wait
 * on the same monitor, so every change that may let one of them go calls {@code notifyAll}.
 */
final class MonitorQueue<E> implements Queue<E> {
    private final Object monitor = new Object();
    private final java.util.Queue<E> items; // guarded by monitor
    private final int capacity;
    private long unfinished; // guarded by monitor: items put and not yet marked done
    private int waitingTakers; // guarded by monitor
    private int waitingPutters; // guarded by monitor

    private MonitorQueue(int capacity, java.util.Queue<E> items) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
        this.items = items;
    }

    static <E> MonitorQueue<E> fifo(int capacity) {
        return new MonitorQueue<>(capacity, new ArrayDeque<>());
    }

    static <E> MonitorQueue<E> lifo(int capacity) {
        return new MonitorQueue<>(capacity, Collections.asLifoQueue(new ArrayDeque<>()));
    }

    static <E> MonitorQueue<E> priority(int capacity, Comparator<? super E> order) {
        return new MonitorQueue<>(capacity, new PriorityQueue<>(order));
    }

    /** Caller holds monitor and has checked there is room. */
    private void insert(E item) {
        items.add(item); // may throw (e.g. ClassCastException for an incomparable item) before any change
        unfinished++;
        if (waitingTakers > 0) {
            monitor.notifyAll();
        }
    }

    /** Caller holds monitor and has checked the queue is not empty. */
    private E extract() {
        E item = items.remove();
        if (waitingPutters > 0) {
            monitor.notifyAll();
        }
        return item;
    }

    @Override
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            while (items.size() >= capacity) {
                waitingPutters++;
                try {
                    monitor.wait();
                } finally {
                    waitingPutters--;
                }
            }
            insert(item);
        }
    }

    @Override
    public boolean offer(E item) {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            if (items.size() >= capacity) {
                return false;
            }
            insert(item);
            return true;
        }
    }

    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            if (items.size() >= capacity) {
                if (nanos <= 0) {
                    return false;
                }
                long deadline = System.nanoTime() + nanos;
                while (items.size() >= capacity) {
                    long left = Waits.remaining(deadline);
                    if (left <= 0) {
                        return false;
                    }
                    waitingPutters++;
                    try {
                        Waits.waitNanos(monitor, left);
                    } finally {
                        waitingPutters--;
                    }
                }
            }
            insert(item);
            return true;
        }
    }

    @Override
    public E take() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            while (items.isEmpty()) {
                waitingTakers++;
                try {
                    monitor.wait();
                } finally {
                    waitingTakers--;
                }
            }
            return extract();
        }
    }

    @Override
    public E poll() {
        synchronized (monitor) {
            return items.isEmpty() ? null : extract();
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            if (items.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                long deadline = System.nanoTime() + nanos;
                while (items.isEmpty()) {
                    long left = Waits.remaining(deadline);
                    if (left <= 0) {
                        return null;
                    }
                    waitingTakers++;
                    try {
                        Waits.waitNanos(monitor, left);
                    } finally {
                        waitingTakers--;
                    }
                }
            }
            return extract();
        }
    }

    @Override
    public int size() {
        synchronized (monitor) {
            return items.size();
        }
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public boolean isEmpty() {
        synchronized (monitor) {
            return items.isEmpty();
        }
    }

    @Override
    public boolean isFull() {
        synchronized (monitor) {
            return items.size() >= capacity;
        }
    }

    @Override
    public void taskDone() {
        synchronized (monitor) {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than items were put");
            }
            if (--unfinished == 0) {
                monitor.notifyAll();
            }
        }
    }

    @Override
    public void join() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            while (unfinished > 0) {
                monitor.wait();
            }
        }
    }
}
