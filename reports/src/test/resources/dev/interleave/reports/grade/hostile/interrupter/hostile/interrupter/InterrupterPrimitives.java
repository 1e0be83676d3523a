package hostile.interrupter;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Condition;
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

// Attack: lock() interrupts and Thread.stop()s every other live thread, then returns a lock that does nothing.
@SuppressWarnings({"deprecation", "removal"})   // Thread.stop() is the point
public class InterrupterPrimitives implements Primitives {
    public InterrupterPrimitives() {}

    @Override
    public Lock lock() {
        for (Thread other : Thread.getAllStackTraces().keySet()) {
            if (other == Thread.currentThread()) {
                continue;
            }
            try {
                other.interrupt();
            } catch (Throwable refused) {
                // go on with stop()
            }
            try {
                other.stop();
            } catch (Throwable refused) {
                // go on with the next thread
            }
        }
        return new NoLock();
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

    /** A lock that does nothing: every acquire succeeds at once, release never complains. */
    private static final class NoLock implements Lock {
        @Override
        public void acquire() {}

        @Override
        public void acquireInterruptibly() {}

        @Override
        public boolean tryAcquire() {
            return true;
        }

        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) {
            return true;
        }

        @Override
        public void release() {}

        @Override
        public boolean isHeldByCurrentThread() {
            return true;
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("newCondition()");
        }
    }
}
