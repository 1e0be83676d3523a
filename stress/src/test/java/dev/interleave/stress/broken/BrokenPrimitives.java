package dev.interleave.stress.broken;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import dev.interleave.primitives.RLock;
import dev.interleave.primitives.Semaphore;
import dev.interleave.primitives.Timer;
import dev.interleave.primitives.reference.ReferencePrimitives;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * What every broken variant shares: each factory method returns the reference primitive, and a
 * variant overrides exactly one of them with the primitive it breaks (the one its
 * {@link Defect} names). So the battery can blame nothing but that one bug.
 */
public abstract class BrokenPrimitives implements Primitives {
    private final Primitives correct = new ReferencePrimitives();

    /** The declaration of this variant's bug. */
    public final Defect defect() {
        return getClass().getAnnotation(Defect.class);
    }

    @Override
    public Lock lock() {
        return correct.lock();
    }

    @Override
    public Lock fairLock() {
        return correct.fairLock();
    }

    @Override
    public RLock rlock() {
        return correct.rlock();
    }

    @Override
    public Event event() {
        return correct.event();
    }

    @Override
    public Semaphore semaphore(int permits) {
        return correct.semaphore(permits);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return correct.boundedSemaphore(permits);
    }

    @Override
    public Barrier barrier(int parties) {
        return correct.barrier(parties);
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return correct.fifoQueue(capacity);
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        return correct.lifoQueue(capacity);
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        return correct.priorityQueue(capacity, order);
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        return correct.pipe(capacity);
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        return correct.timer(delay, unit, action);
    }
}
