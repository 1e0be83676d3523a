package dev.interleave.primitives;

/**
 * Reentrant lock (Python's {@code RLock}): the owner may acquire again; each acquire needs a
 * release, and the lock is free again only when the hold count falls back to zero.
 * A {@link Condition} of an RLock releases all holds while it waits and restores them all.
 */
public interface RLock extends Lock {
    /** Holds by the calling thread, 0 if none. */
    int holdCount();
}
