package dev.interleave.primitives.reference.sync;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Queue;
import dev.interleave.primitives.reference.lock.QueuedLock;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code queue.Queue}, {@code LifoQueue} and {@code PriorityQueue}: a bounded blocking
 * queue with task tracking. Made by {@link #fifo}, {@link #lifo} or {@link #priority}; the three
 * differ only in which item a take removes.
 *
 * <p>{@code put} waits while the queue is full, {@code take} while it is empty; {@code offer} and
 * {@code poll} wait at most their timeout ({@code <= 0}: not at all) and report a timeout by
 * returning {@code false} or {@code null}. Items are never {@code null}
 * ({@link NullPointerException}). A priority queue without a comparator orders items naturally:
 * an item that is not {@link Comparable} is refused with {@link ClassCastException}, and so is an
 * item its comparator refuses; the queue is then unchanged. {@link #taskDone()} and
 * {@link #join()} track, as in Python, how many items ever put are not yet marked done.
 *
 * <p><b>Shutting down</b> (Python 3.13's {@code Queue.shutdown}, not part of the contract, used by
 * the pipe): after {@link #shutdown(boolean) shutdown(false)} every put throws
 * {@link QueueShutDownException}, and takes return what is left, then throw it;
 * {@code shutdown(true)} also discards what is left (marking it done), so takes throw at once.
 * Both wake every blocked putter and taker. {@link #awaitReadable} waits, without taking, until a
 * take would not block: an item is there or the queue is shut down. A queue that is never shut
 * down behaves exactly as the contract says.
 *
 * <p>Fairness: none. A thread that finds room (or an item) takes it even if others have been
 * waiting longer. {@code offer(item)}, {@code poll()}, {@code taskDone}, {@code shutdown} and the
 * queries never wait for anything but the lock.
 *
 * <p>Memory consistency: actions of a thread before it puts an item happen-before actions of the
 * thread after it takes that item.
 *
 * <h2>Implementation note</h2>
 *
 * <p>One lock, four conditions, as in Python's {@code queue} module. A put signals one waiter on
 * {@code notEmpty} (one item serves one taker) and all waiters on {@code readable} (watchers
 * take nothing, so each one needs its own wake-up, and a watcher must never swallow the signal
 * a taker needed); a take signals one waiter on {@code notFull}. A putter that is woken and then
 * fails to store its item (its comparator threw) passes the signal on, so the room it was woken
 * for is not lost; a taker whose comparator throws does the same for the item. Timed waits use
 * {@link Condition#awaitUntil}, which loops like the {@code while} of the untimed ones.
 *
 * <p>Invariants: {@code 0 <= items.size() <= capacity}; {@code unfinished >= 0} (it may be
 * smaller than {@code items.size()}: as in Python, {@code taskDone} may be called for an item not
 * yet taken); once {@code shutDown} is true it stays true, and a shut-down queue never grows.
 *
 * <p>Linearization points, all under {@code lock}: a put or offer at its {@code items.add}, or
 * where it finds the queue shut down, or (timed out, or {@code offer} without waiting) at its last
 * look, which found the queue full; a take or poll at its {@code items.remove}, or where it finds
 * the queue shut down and empty, or (timed out) at its last look, which found it empty;
 * {@code taskDone} at its decrement; {@code join} when it finds {@code unfinished == 0};
 * {@code shutdown} at its write of {@code shutDown}; {@code awaitReadable} where it finds an item
 * or the shutdown, or at its last look; the queries at their reads.
 *
 * <p>Fields (see the package conventions): {@code lock}, the four conditions, {@code items}
 * (the reference), {@code capacity} final; the contents of {@code items}, {@code unfinished} and
 * {@code shutDown} guarded, written by putting, taking, {@code taskDone} and {@code shutdown}
 * callers.
 *
 * @param <E> the type of the items
 */
public final class GuardedQueue<E> implements Queue<E> {
    private final Lock lock = new QueuedLock();
    /** Predicate: an item is there, or the queue is shut down. Awaited by takers, signalled one at a time. */
    private final Condition notEmpty = lock.newCondition();
    /** Same predicate as {@code notEmpty}, awaited by {@link #awaitReadable} and always signalled to all. */
    private final Condition readable = lock.newCondition();
    /** Predicate: there is room, or the queue is shut down. */
    private final Condition notFull = lock.newCondition();
    /** Predicate: every item ever put was marked done ({@code unfinished == 0}). */
    private final Condition allDone = lock.newCondition();
    private final Storage<E> items;
    private final int capacity;
    /** Items ever put, minus {@code taskDone} calls, minus items discarded by {@code shutdown(true)}. */
    private long unfinished;
    private boolean shutDown;

    private GuardedQueue(int capacity, Storage<E> items) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = items;
    }

    /**
     * Python's {@code queue.Queue(capacity)}.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public static <E> GuardedQueue<E> fifo(int capacity) {
        return new GuardedQueue<>(capacity, Storage.fifo());
    }

    /**
     * Python's {@code queue.LifoQueue(capacity)}.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public static <E> GuardedQueue<E> lifo(int capacity) {
        return new GuardedQueue<>(capacity, Storage.lifo());
    }

    /**
     * Python's {@code queue.PriorityQueue(capacity)}: least item first.
     *
     * @param order the order of the items; {@code null} means natural ordering
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public static <E> GuardedQueue<E> priority(int capacity, Comparator<? super E> order) {
        return new GuardedQueue<>(capacity, Storage.priority(order));
    }

    /** @throws QueueShutDownException if the queue is shut down */
    @Override
    public void put(E item) throws InterruptedException {
        admit(item);
        Interruptibly.acquire(lock);
        try {
            while (!canPut()) {
                notFull.await();
            }
            insert(item);
        } finally {
            lock.release();
        }
    }

    /** @throws QueueShutDownException if the queue is shut down */
    @Override
    public boolean offer(E item) {
        admit(item);
        lock.acquire();
        try {
            return canPut() && insert(item);
        } finally {
            lock.release();
        }
    }

    /** @throws QueueShutDownException if the queue is shut down */
    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        admit(item);
        Interruptibly.acquire(lock);
        try {
            return notFull.awaitUntil(this::canPut, timeout, unit) && insert(item);
        } finally {
            lock.release();
        }
    }

    /** @throws QueueShutDownException if the queue is shut down and nothing is left */
    @Override
    public E take() throws InterruptedException {
        Interruptibly.acquire(lock);
        try {
            while (!canTake()) {
                notEmpty.await();
            }
            return extract();
        } finally {
            lock.release();
        }
    }

    /** @throws QueueShutDownException if the queue is shut down and nothing is left */
    @Override
    public E poll() {
        lock.acquire();
        try {
            return canTake() ? extract() : null;
        } finally {
            lock.release();
        }
    }

    /** @throws QueueShutDownException if the queue is shut down and nothing is left */
    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        Interruptibly.acquire(lock);
        try {
            return notEmpty.awaitUntil(this::canTake, timeout, unit) ? extract() : null;
        } finally {
            lock.release();
        }
    }

    @Override
    public int size() {
        lock.acquire();
        try {
            return items.size();
        } finally {
            lock.release();
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
        lock.acquire();
        try {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than there were items put");
            }
            if (--unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.release();
        }
    }

    @Override
    public void join() throws InterruptedException {
        Interruptibly.acquire(lock);
        try {
            while (unfinished > 0) {
                allDone.await();
            }
        } finally {
            lock.release();
        }
    }

    /**
     * Python 3.13's {@code Queue.shutdown(immediate)}: from now on every put throws
     * {@link QueueShutDownException}, and takes drain what is left, then throw it. Wakes every
     * blocked putter, taker and {@link #awaitReadable} watcher. Idempotent; a later call with
     * {@code immediate} true still discards.
     *
     * @param immediate also discard the items left (each counts as done for {@link #join()}),
     *        so that takes throw at once
     */
    public void shutdown(boolean immediate) {
        lock.acquire();
        try {
            shutDown = true;
            if (immediate) {
                discardAll();
            }
            notEmpty.signalAll();
            readable.signalAll();
            notFull.signalAll();
        } finally {
            lock.release();
        }
    }

    /** Whether {@link #shutdown(boolean)} was called. */
    public boolean isShutDown() {
        lock.acquire();
        try {
            return shutDown;
        } finally {
            lock.release();
        }
    }

    /**
     * Waits, taking nothing, until a take would not block: an item is there or the queue is shut
     * down. A timeout {@code <= 0} looks once.
     *
     * @return true if a take would now return or throw at once, false if the time ran out
     */
    public boolean awaitReadable(long timeout, TimeUnit unit) throws InterruptedException {
        Interruptibly.acquire(lock);
        try {
            return readable.awaitUntil(this::canTake, timeout, unit);
        } finally {
            lock.release();
        }
    }

    private void admit(E item) {
        Objects.requireNonNull(item, "a queue item must not be null");
        items.admit(item);
    }

    /** Call only while holding lock. */
    private boolean canPut() {
        return shutDown || items.size() < capacity;
    }

    /** Call only while holding lock. */
    private boolean canTake() {
        return shutDown || items.size() > 0;
    }

    /** Stores an item; returns true. Call only while holding lock, when {@link #canPut()}. */
    private boolean insert(E item) {
        if (shutDown) {
            throw new QueueShutDownException("put on a shut-down queue");
        }
        try {
            items.add(item);
        } catch (RuntimeException e) {
            notFull.signal();
            throw e;
        }
        unfinished++;
        notEmpty.signal();
        readable.signalAll();
        return true;
    }

    /** Removes the next item. Call only while holding lock, when {@link #canTake()}. */
    private E extract() {
        if (items.size() == 0) {
            throw new QueueShutDownException("take on a shut-down queue with nothing left");
        }
        E item;
        try {
            item = items.remove();
        } catch (RuntimeException e) {
            notEmpty.signal();
            throw e;
        }
        notFull.signal();
        return item;
    }

    /** Discards every item, marking each one done (as far as unfinished tasks go). Call only while holding lock. */
    private void discardAll() {
        unfinished = Math.max(0L, unfinished - items.size());
        items.clear();
        if (unfinished == 0) {
            allDone.signalAll();
        }
    }

    @Override
    public String toString() {
        return "GuardedQueue[size=" + size() + ", capacity=" + capacity + (isShutDown() ? ", shut down" : "") + "]";
    }
}
