package dev.interleave.scenarios.detect;

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
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks on {@link ReentrantLock}, and nothing else: the detectors' tests run on these, so that
 * they test the detectors and not the implementation under test.
 */
final class JdkLocks implements Primitives {

    @Override
    public Lock lock() {
        return new JdkLock(new ReentrantLock(false));
    }

    @Override
    public Lock fairLock() {
        return new JdkLock(new ReentrantLock(true));
    }

    private static final class JdkLock implements Lock {
        private final ReentrantLock lock;

        JdkLock(ReentrantLock lock) {
            this.lock = lock;
        }

        @Override
        public void acquire() {
            lock.lock();
        }

        @Override
        public void acquireInterruptibly() throws InterruptedException {
            lock.lockInterruptibly();
        }

        @Override
        public boolean tryAcquire() {
            return lock.tryLock();
        }

        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
            return lock.tryLock(timeout, unit);
        }

        @Override
        public void release() {
            lock.unlock();
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @Override
    public RLock rlock() {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public Event event() {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public Semaphore semaphore(int permits) {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public Barrier barrier(int parties) {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        throw new UnsupportedOperationException("not needed here");
    }
}
