package dev.interleave.primitives;

import java.util.concurrent.TimeUnit;

/**
 * Python's {@code queue.Queue} / {@code LifoQueue} / {@code PriorityQueue}: a bounded blocking
 * queue with task tracking. Items are never null ({@link NullPointerException}).
 *
 * <p>Memory consistency: actions of a thread before it puts an item happen-before actions of
 * the thread after it takes that item.
 */
public interface Queue<E> {
    /** Blocks while full. */
    void put(E item) throws InterruptedException;

    /** False when full. */
    boolean offer(E item);

    boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException;

    /** Blocks while empty. */
    E take() throws InterruptedException;

    /** Null when empty. */
    E poll();

    /** Null when the time ran out. */
    E poll(long timeout, TimeUnit unit) throws InterruptedException;

    int size();

    int capacity();

    boolean isEmpty();

    boolean isFull();

    /** Marks one taken item done. {@link IllegalStateException} if more calls than items ever put (Python's ValueError). */
    void taskDone();

    /** Blocks until every item ever put was marked done. */
    void join() throws InterruptedException;
}
