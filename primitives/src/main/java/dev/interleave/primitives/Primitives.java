package dev.interleave.primitives;

import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * Where the harness gets primitives from. An unimplemented factory method throws
 * {@link UnsupportedOperationException}.
 *
 * <p>A submission implements this interface in exactly one public class with a public
 * no-argument constructor.
 */
public interface Primitives {
    /** A lock that may barge (unfair). */
    Lock lock();

    /** FIFO hand-off: no waiter is overtaken by a later arrival. */
    Lock fairLock();

    RLock rlock();

    Event event();

    Semaphore semaphore(int permits);

    Semaphore boundedSemaphore(int permits);

    Barrier barrier(int parties);

    <E> Queue<E> fifoQueue(int capacity);

    <E> Queue<E> lifoQueue(int capacity);

    <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order);

    /** Capacity of each direction's buffer. */
    <T> Pipe<T> pipe(int capacity);

    Timer timer(long delay, TimeUnit unit, Runnable action);

    /**
     * The implementation under test: {@code -Dinterleave.primitives=<class name>}, else the one
     * {@link java.util.ServiceLoader} provider, else the reference. The class is looked up on the
     * class path and in {@code -Dinterleave.classpath} (jars or class folders separated by the
     * path separator; relative entries are resolved against {@code -Dinterleave.basedir} when set).
     *
     * @throws IllegalStateException with a message naming what is wrong when the named class
     *         cannot be found or made, or when several providers compete
     */
    static Primitives load() {
        return PrimitivesLoader.load();
    }
}
