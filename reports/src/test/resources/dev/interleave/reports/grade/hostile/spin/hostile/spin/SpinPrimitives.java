package hostile.spin;

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

// Attack: lock() spins forever on the CPU and swallows every interrupt.
public class SpinPrimitives implements Primitives {
    public SpinPrimitives() {}

    @Override
    public Lock lock() {
        while (true) {
            Thread.interrupted();
        }
    }

    @Override
    public Lock fairLock() {
        throw new UnsupportedOperationException("fairLock()");
    }

    @Override
    public RLock rlock() {
        throw new UnsupportedOperationException("rlock()");
    }

    @Override
    public Event event() {
        throw new UnsupportedOperationException("event()");
    }

    @Override
    public Semaphore semaphore(int permits) {
        throw new UnsupportedOperationException("semaphore(int)");
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        throw new UnsupportedOperationException("boundedSemaphore(int)");
    }

    @Override
    public Barrier barrier(int parties) {
        throw new UnsupportedOperationException("barrier(int)");
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        throw new UnsupportedOperationException("fifoQueue(int)");
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
