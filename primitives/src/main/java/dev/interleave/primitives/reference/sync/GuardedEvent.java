package dev.interleave.primitives.reference.sync;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.reference.lock.QueuedLock;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code threading.Event}: a flag that threads can wait for.
 *
 * <p>{@link #set()} wakes every thread that is waiting, and each of them returns {@code true}
 * even if {@link #clear()} ran right after the {@code set()}; a thread that starts waiting after
 * the {@code clear()} waits for the next {@code set()}.
 *
 * <p>Fairness: not applicable; a {@code set()} releases all waiters together. Only
 * {@code await} waits for the flag; {@code set}, {@code clear} and {@code isSet} never wait for
 * anything but the lock.
 *
 * <p>Memory consistency: actions of a thread before it calls {@code set()} happen-before actions
 * of a thread after it observes that set, by returning {@code true} from {@code await} or from
 * {@code isSet}.
 *
 * <h2>Implementation note</h2>
 *
 * <p>Python's rule "a waiter released by {@code set} returns true even if cleared since" cannot
 * be kept by re-reading the flag, because by the time a woken waiter holds the lock again the
 * flag may be false. So every {@code set()} also advances a generation counter, and a waiter
 * remembers the generation it started in: it is released when the flag is up <i>or</i> the
 * generation moved on.
 *
 * <p>Invariant: {@code generation} counts the calls of {@code set()}; it never goes back.
 *
 * <p>Linearization points, all under {@code lock}: {@code set} and {@code clear} at their write
 * of {@code flag}; {@code isSet} at its read; {@code await} at the moment it finds the flag up
 * or the generation moved (on entry, or after a wake-up), and for a timed-out {@code await} at
 * its last look, which found neither.
 *
 * <p>Fields (see the package conventions): {@code lock}, {@code wasSet} final;
 * {@code flag} and {@code generation} guarded, written by {@code set()} and {@code clear()}
 * callers.
 */
public final class GuardedEvent implements Event {
    private final Lock lock = new QueuedLock();
    /** Predicate: the flag is up, or {@code set()} ran since the waiter began to wait. */
    private final Condition wasSet = lock.newCondition();
    private boolean flag;
    private long generation;

    /** A new event, not set. */
    public GuardedEvent() {}

    @Override
    public void set() {
        lock.acquire();
        try {
            flag = true;
            generation++;
            wasSet.signalAll();
        } finally {
            lock.release();
        }
    }

    @Override
    public void clear() {
        lock.acquire();
        try {
            flag = false;
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean isSet() {
        lock.acquire();
        try {
            return flag;
        } finally {
            lock.release();
        }
    }

    @Override
    public void await() throws InterruptedException {
        Interruptibly.acquire(lock);
        try {
            long start = generation;
            while (!flag && generation == start) {
                wasSet.await();
            }
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        Interruptibly.acquire(lock);
        try {
            long start = generation;
            return wasSet.awaitUntil(() -> flag || generation != start, timeout, unit);
        } finally {
            lock.release();
        }
    }

    @Override
    public String toString() {
        return "GuardedEvent[" + (isSet() ? "set" : "clear") + "]";
    }
}
