package dev.interleave.stress.harness;

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
import java.util.function.Supplier;

/**
 * The implementation under test, as the tests see it: each factory method delegates, and turns
 * an {@link UnsupportedOperationException} (a primitive the submission did not implement) into a
 * {@link NotImplementedError} naming the method.
 */
final class GuardedPrimitives implements Primitives {
    private final Primitives delegate;

    GuardedPrimitives(Primitives delegate) {
        this.delegate = delegate;
    }

    private static <T> T guard(String method, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (UnsupportedOperationException e) {
            throw new NotImplementedError(method, e);
        }
    }

    @Override
    public Lock lock() {
        return guard("lock()", delegate::lock);
    }

    @Override
    public Lock fairLock() {
        return guard("fairLock()", delegate::fairLock);
    }

    @Override
    public RLock rlock() {
        return guard("rlock()", delegate::rlock);
    }

    @Override
    public Event event() {
        return guard("event()", delegate::event);
    }

    @Override
    public Semaphore semaphore(int permits) {
        return guard("semaphore(int)", () -> delegate.semaphore(permits));
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return guard("boundedSemaphore(int)", () -> delegate.boundedSemaphore(permits));
    }

    @Override
    public Barrier barrier(int parties) {
        return guard("barrier(int)", () -> delegate.barrier(parties));
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return guard("fifoQueue(int)", () -> delegate.fifoQueue(capacity));
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        return guard("lifoQueue(int)", () -> delegate.lifoQueue(capacity));
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        return guard("priorityQueue(int, Comparator)", () -> delegate.priorityQueue(capacity, order));
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        return guard("pipe(int)", () -> delegate.pipe(capacity));
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        return guard("timer(long, TimeUnit, Runnable)", () -> delegate.timer(delay, unit, action));
    }

    @Override
    public String toString() {
        return delegate.getClass().getName();
    }
}
