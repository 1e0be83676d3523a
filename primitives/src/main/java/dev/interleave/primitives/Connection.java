package dev.interleave.primitives;

import java.util.concurrent.TimeUnit;

/**
 * One end of a {@link Pipe} (Python's multiprocessing {@code Connection}).
 *
 * <p>Sending on a closed end, or to an end whose peer closed, throws {@link ClosedPipeException}
 * and wakes blocked senders; {@code recv} on your own closed end throws; {@code poll} returns
 * true when {@code recv} would return or throw at once.
 *
 * <p>Memory consistency: actions of a thread before {@code send} happen-before actions of the
 * thread after the {@code recv} that returns that message.
 */
public interface Connection<T> extends AutoCloseable {
    /** Blocks while the other end's buffer is full. */
    void send(T message) throws InterruptedException;

    /** Blocks while empty; {@link ClosedPipeException} when the other end closed and nothing is left. */
    T recv() throws InterruptedException;

    /** True when {@link #recv()} would not block. */
    boolean poll(long timeout, TimeUnit unit) throws InterruptedException;

    @Override
    void close();
}
