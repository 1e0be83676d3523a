package dev.interleave.primitives.reference;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import dev.interleave.primitives.RLock;
import dev.interleave.primitives.Semaphore;
import dev.interleave.primitives.Timer;
import dev.interleave.primitives.reference.lock.QueuedLock;
import dev.interleave.primitives.reference.lock.QueuedRLock;
import dev.interleave.primitives.reference.pipe.QueuePipe;
import dev.interleave.primitives.reference.sync.GuardedBarrier;
import dev.interleave.primitives.reference.sync.GuardedEvent;
import dev.interleave.primitives.reference.sync.GuardedQueue;
import dev.interleave.primitives.reference.sync.GuardedSemaphore;
import dev.interleave.primitives.reference.sync.GuardedTimer;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * The reference implementation of the contract, in three layers:
 * {@code reference.lock} (park/unpark and CAS), {@code reference.sync} (on layer-1 locks and
 * conditions) and {@code reference.pipe} (on the layer-2 queue). {@link Primitives#load()}
 * returns it when no other implementation is named.
 */
public final class ReferencePrimitives implements Primitives {

    @Override
    public Lock lock() {
        return new QueuedLock();
    }

    @Override
    public Lock fairLock() {
        return QueuedLock.fair();
    }

    @Override
    public RLock rlock() {
        return new QueuedRLock();
    }

    @Override
    public Event event() {
        return new GuardedEvent();
    }

    @Override
    public Semaphore semaphore(int permits) {
        return GuardedSemaphore.counting(permits);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return GuardedSemaphore.bounded(permits);
    }

    @Override
    public Barrier barrier(int parties) {
        return new GuardedBarrier(parties);
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return GuardedQueue.fifo(capacity);
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        return GuardedQueue.lifo(capacity);
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        return GuardedQueue.priority(capacity, order);
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        return QueuePipe.create(capacity);
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        return new GuardedTimer(delay, unit, action);
    }
}
