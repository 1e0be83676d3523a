package dev.interleave.primitives;

/** What {@link Lock#hold()} returns; closing it releases the lock. */
public interface Held extends AutoCloseable {
    @Override
    void close();
}
