package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import dev.interleave.primitives.RLock;
import dev.interleave.primitives.Semaphore;
import dev.interleave.primitives.Timer;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * The fixed versions of every broken variant, as one implementation of the contract: the
 * control of the kill matrix. Each broken variant is one of these classes with one method
 * broken, so the battery must pass this and fail every variant: the fix changes the grade.
 */
public class FixedPrimitives implements Primitives {

    public FixedPrimitives() {}

    @Override
    public Lock lock() {
        return new FixedLock();
    }

    @Override
    public Lock fairLock() {
        return FixedLock.fair();
    }

    @Override
    public RLock rlock() {
        return new FixedRLock();
    }

    @Override
    public Event event() {
        return new FixedEvent();
    }

    @Override
    public Semaphore semaphore(int permits) {
        return FixedSemaphore.counting(permits);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return FixedSemaphore.bounded(permits);
    }

    @Override
    public Barrier barrier(int parties) {
        return new FixedBarrier(parties);
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return FixedQueue.fifo(capacity);
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        return FixedQueue.lifo(capacity);
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        return FixedQueue.priority(capacity, order);
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        return new FixedPipe<T>(capacity).ends();
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        return new FixedTimer(delay, unit, action);
    }
}
