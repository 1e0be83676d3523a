package dev.interleave.stress.vmlens;

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
 * The part of the contract that the vmlens scenarios use, built the way a homework would build
 * it, but on {@code java.util.concurrent.locks.ReentrantLock} and its conditions: the only
 * blocking that vmlens 1.2.17 follows. Locks and conditions wrap the JDK's; the event, the
 * semaphores and the FIFO queue are written on those locks and conditions only (layer 2 on
 * layer 1, as in the reference).
 *
 * <p>{@code mvn verify} runs the vmlens scenarios against it, so that every build shows the
 * scenarios pass on correct code that vmlens can follow (the reference cannot be followed: see
 * {@link dev.interleave.stress.vmlens}). Barriers, pipes, timers and LIFO and priority queues are
 * not implemented.
 *
 * <p>Two deviations from the contract, which no scenario meets: {@link #lock()} and
 * {@link #fairLock()} are reentrant, since they are {@code ReentrantLock}s; and an interrupt
 * that comes while a thread waits for a lock itself (not for a condition) stays in its flag
 * (see {@link JdkLock#acquireInterruptibly()}).
 */
public class JdkLockPrimitives implements Primitives {

    public JdkLockPrimitives() {}

    @Override
    public Lock lock() {
        return new JdkLock(false);
    }

    @Override
    public Lock fairLock() {
        return new JdkLock(true);
    }

    @Override
    public RLock rlock() {
        return new JdkLock(false);
    }

    @Override
    public Event event() {
        return new JdkLockEvent();
    }

    @Override
    public Semaphore semaphore(int permits) {
        return new JdkLockSemaphore(permits, Integer.MAX_VALUE);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return new JdkLockSemaphore(permits, permits);
    }

    @Override
    public Barrier barrier(int parties) {
        throw new UnsupportedOperationException("barrier(int)");
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return new JdkLockFifoQueue<>(capacity);
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        throw new UnsupportedOperationException("lifoQueue(int)");
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        throw new UnsupportedOperationException("priorityQueue(int, Comparator)");
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        throw new UnsupportedOperationException("pipe(int)");
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        throw new UnsupportedOperationException("timer(long, TimeUnit, Runnable)");
    }
}
