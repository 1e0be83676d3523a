package example.nothing;

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

/** A submission that implements nothing: it must score nothing. */
public class NothingPrimitives implements Primitives {
    public Lock lock() { throw new UnsupportedOperationException("lock()"); }
    public Lock fairLock() { throw new UnsupportedOperationException("fairLock()"); }
    public RLock rlock() { throw new UnsupportedOperationException("rlock()"); }
    public Event event() { throw new UnsupportedOperationException("event()"); }
    public Semaphore semaphore(int permits) { throw new UnsupportedOperationException("semaphore()"); }
    public Semaphore boundedSemaphore(int permits) { throw new UnsupportedOperationException("boundedSemaphore()"); }
    public Barrier barrier(int parties) { throw new UnsupportedOperationException("barrier()"); }
    public <E> Queue<E> fifoQueue(int capacity) { throw new UnsupportedOperationException("fifoQueue()"); }
    public <E> Queue<E> lifoQueue(int capacity) { throw new UnsupportedOperationException("lifoQueue()"); }
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        throw new UnsupportedOperationException("priorityQueue()");
    }
    public <T> Pipe<T> pipe(int capacity) { throw new UnsupportedOperationException("pipe()"); }
    public Timer timer(long delay, TimeUnit unit, Runnable action) { throw new UnsupportedOperationException("timer()"); }
}
