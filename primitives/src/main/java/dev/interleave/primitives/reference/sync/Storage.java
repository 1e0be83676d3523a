package dev.interleave.primitives.reference.sync;

import java.util.ArrayDeque;
import java.util.Comparator;

/**
 * Where a {@link GuardedQueue} keeps its items, and so which item a take removes: the one
 * strategy that tells a FIFO, a LIFO and a priority queue apart. Not thread-safe: the queue calls
 * it only while holding its lock.
 *
 * <p>Every method either completes or throws having changed nothing.
 */
abstract class Storage<E> {
    /** First in, first out: Python's {@code queue.Queue}. */
    static <E> Storage<E> fifo() {
        return new Fifo<>();
    }

    /** Last in, first out: Python's {@code queue.LifoQueue}. */
    static <E> Storage<E> lifo() {
        return new Lifo<>();
    }

    /**
     * Least first: Python's {@code queue.PriorityQueue}. A {@code null} order means natural
     * ordering; order among equal items is unspecified.
     */
    static <E> Storage<E> priority(Comparator<? super E> order) {
        return new Heap<>(order);
    }

    /**
     * Checks, before the queue waits for room, that {@code item} can ever be stored.
     *
     * @throws ClassCastException if this storage orders items naturally and {@code item} is not
     *         {@link Comparable}
     */
    void admit(E item) {}

    /** Stores a non-null item. May throw whatever the ordering throws; nothing changes then. */
    abstract void add(E item);

    /** Removes and returns the next item. Call only when {@code size() > 0}. */
    abstract E remove();

    abstract int size();

    /** Removes every item. */
    abstract void clear();

    private static final class Fifo<E> extends Storage<E> {
        private final ArrayDeque<E> items = new ArrayDeque<>();

        @Override
        void add(E item) {
            items.addLast(item);
        }

        @Override
        E remove() {
            return items.removeFirst();
        }

        @Override
        int size() {
            return items.size();
        }

        @Override
        void clear() {
            items.clear();
        }
    }

    private static final class Lifo<E> extends Storage<E> {
        private final ArrayDeque<E> items = new ArrayDeque<>();

        @Override
        void add(E item) {
            items.addFirst(item);
        }

        @Override
        E remove() {
            return items.removeFirst();
        }

        @Override
        int size() {
            return items.size();
        }

        @Override
        void clear() {
            items.clear();
        }
    }
}
