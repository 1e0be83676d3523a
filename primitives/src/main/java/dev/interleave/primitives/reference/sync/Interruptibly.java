package dev.interleave.primitives.reference.sync;

import dev.interleave.primitives.Lock;

/**
 * The entry of every blocking method of this package: interrupt on entry wins.
 *
 * <p>The contract asks a blocking method to throw {@link InterruptedException} when its caller is
 * interrupted on entry, even when the operation could complete at once or its timeout is
 * {@code <= 0}. Checking the flag here, before the lock, makes that rule visible at the one
 * place it is kept instead of leaving it to how the lock behaves on a fast path.
 */
final class Interruptibly {
    private Interruptibly() {}

    /** Throws (clearing the flag) if the caller is interrupted, else acquires {@code lock} interruptibly. */
    static void acquire(Lock lock) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        lock.acquireInterruptibly();
    }
}
