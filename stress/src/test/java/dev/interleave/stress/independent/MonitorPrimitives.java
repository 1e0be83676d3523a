package dev.interleave.stress.independent;

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
 * An independent implementation of the primitives contract, built on Java monitors only
 * ({@code synchronized}, {@code wait}, {@code notify}, {@code notifyAll}): no
 * {@code java.util.concurrent.locks}, no atomics, no concurrent collections.
 *
 * <p>The battery runs against it to show that it raises no false alarm on correct code built
 * differently from the reference.
 */
public class MonitorPrimitives implements Primitives {

    public MonitorPrimitives() {}

    @Override
    public Lock lock() {
        return new BargingLock();
    }

    @Override
    public Lock fairLock() {
        return new FifoLock();
    }

    @Override
    public RLock rlock() {
        return new ReentrantMonitorLock();
    }

    @Override
    public Event event() {
        return new MonitorEvent();
    }

    @Override
    public Semaphore semaphore(int permits) {
        return new MonitorSemaphore(permits, false);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return new MonitorSemaphore(permits, true);
    }

    @Override
    public Barrier barrier(int parties) {
        return new MonitorBarrier(parties);
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return MonitorQueue.fifo(capacity);
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        return MonitorQueue.lifo(capacity);
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        return MonitorQueue.priority(capacity, order);
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        return new MonitorPipe<T>(capacity).ends();
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        return new MonitorTimer(delay, unit, action);
    }
}
