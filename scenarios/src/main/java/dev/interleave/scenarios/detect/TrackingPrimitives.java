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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A recording decorator around any implementation of the contract: every lock, condition,
 * semaphore, event and queue it makes notes in a {@link WaitFor} who waits for it and who holds
 * it, so that a watchdog that sees no progress can name the cycle, or the starving task and the
 * lock it waits for, by the names the scenario gave them ("Lock 1", "Lock 2").
 *
 * <p>Nothing is asked of the implementation: the notes are taken around its calls. A thread is
 * noted as waiting just before it calls a blocking method and as holding just after the call
 * returned, so the graph may miss a hand-off that is under way; a watchdog looks at it only
 * after a window with no progress, when nothing is under way.
 */
public final class TrackingPrimitives implements Primitives {
    private final Primitives delegate;
    private final WaitFor waitFor;
    private final AtomicInteger locks = new AtomicInteger();
    private final AtomicInteger others = new AtomicInteger();

    public TrackingPrimitives(Primitives delegate, WaitFor waitFor) {
        this.delegate = delegate;
        this.waitFor = waitFor;
    }

    /** The graph the primitives made here take notes in. */
    public WaitFor waitFor() {
        return waitFor;
    }

    /** A barging lock called {@code name} in reports. */
    public Lock lock(String name) {
        return new TrackedLock(delegate.lock(), name);
    }

    /** A fair lock called {@code name} in reports. */
    public Lock fairLock(String name) {
        return new TrackedLock(delegate.fairLock(), name);
    }

    /** A reentrant lock called {@code name} in reports. */
    public RLock rlock(String name) {
        return new TrackedRLock(delegate.rlock(), name);
    }

    /** A counting semaphore called {@code name} in reports. */
    public Semaphore semaphore(String name, int permits) {
        return new TrackedSemaphore(delegate.semaphore(permits), name);
    }

    /** An event called {@code name} in reports. */
    public Event event(String name) {
        return new TrackedEvent(delegate.event(), name);
    }

    /** A FIFO queue called {@code name} in reports. */
    public <E> Queue<E> fifoQueue(String name, int capacity) {
        return new TrackedQueue<>(delegate.fifoQueue(capacity), name);
    }

    @Override
    public Lock lock() {
        return lock("Lock " + locks.incrementAndGet());
    }

    @Override
    public Lock fairLock() {
        return fairLock("Lock " + locks.incrementAndGet());
    }

    @Override
    public RLock rlock() {
        return rlock("RLock " + locks.incrementAndGet());
    }

    @Override
    public Event event() {
        return event("Event " + others.incrementAndGet());
    }

    @Override
    public Semaphore semaphore(int permits) {
        return semaphore("Semaphore " + others.incrementAndGet(), permits);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return new TrackedSemaphore(delegate.boundedSemaphore(permits), "Semaphore " + others.incrementAndGet());
    }

    @Override
    public Barrier barrier(int parties) {
        return delegate.barrier(parties);
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return fifoQueue("Queue " + others.incrementAndGet(), capacity);
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        return new TrackedQueue<>(delegate.lifoQueue(capacity), "Queue " + others.incrementAndGet());
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        return new TrackedQueue<>(delegate.priorityQueue(capacity, order), "Queue " + others.incrementAndGet());
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        return delegate.pipe(capacity);
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        return delegate.timer(delay, unit, action);
    }

    @FunctionalInterface
    private interface Blocking<T> {
        T call() throws InterruptedException;
    }

    private <T> T waitingFor(String what, Blocking<T> call) throws InterruptedException {
        waitFor.waiting(what);
        try {
            return call.call();
        } finally {
            waitFor.done();
        }
    }

    private class TrackedLock implements Lock {
        final Lock lock;
        final String name;
        private final AtomicInteger conditions = new AtomicInteger();

        TrackedLock(Lock lock, String name) {
            this.lock = lock;
            this.name = name;
        }

        @Override
        public void acquire() {
            waitFor.waiting(name);
            try {
                lock.acquire();
            } finally {
                waitFor.done();
            }
            waitFor.holds(name);
        }

        @Override
        public void acquireInterruptibly() throws InterruptedException {
            waitingFor(name, () -> {
                lock.acquireInterruptibly();
                return null;
            });
            waitFor.holds(name);
        }

        @Override
        public boolean tryAcquire() {
            boolean acquired = lock.tryAcquire();
            if (acquired) {
                waitFor.holds(name);
            }
            return acquired;
        }

        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
            boolean acquired = waitingFor(name, () -> lock.tryAcquire(timeout, unit));
            if (acquired) {
                waitFor.holds(name);
            }
            return acquired;
        }

        @Override
        public void release() {
            lock.release();
            afterRelease();
        }

        void afterRelease() {
            waitFor.released(name);
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }

        @Override
        public Condition newCondition() {
            return new TrackedCondition(lock.newCondition(), this,
                    "a signal on condition " + conditions.incrementAndGet() + " of " + name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final class TrackedRLock extends TrackedLock implements RLock {
        TrackedRLock(RLock lock, String name) {
            super(lock, name);
        }

        @Override
        void afterRelease() {
            if (((RLock) lock).holdCount() == 0) {
                waitFor.released(name);
            }
        }

        @Override
        public int holdCount() {
            return ((RLock) lock).holdCount();
        }
    }

    private final class TrackedCondition implements Condition {
        private final Condition condition;
        private final TrackedLock lock;
        private final String name;

        TrackedCondition(Condition condition, TrackedLock lock, String name) {
            this.condition = condition;
            this.lock = lock;
            this.name = name;
        }

        private <T> T awaiting(Blocking<T> call) throws InterruptedException {
            boolean held = lock.isHeldByCurrentThread();
            if (held) {
                waitFor.released(lock.name);
            }
            try {
                return waitingFor(name, call);
            } finally {
                if (held) {
                    waitFor.holds(lock.name);
                }
            }
        }

        @Override
        public void await() throws InterruptedException {
            awaiting(() -> {
                condition.await();
                return null;
            });
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            return awaiting(() -> condition.await(timeout, unit));
        }

        @Override
        public boolean awaitUntil(BooleanSupplier predicate, long timeout, TimeUnit unit) throws InterruptedException {
            return awaiting(() -> condition.awaitUntil(predicate, timeout, unit));
        }

        @Override
        public void signal() {
            condition.signal();
        }

        @Override
        public void signalAll() {
            condition.signalAll();
        }
    }

    private final class TrackedSemaphore implements Semaphore {
        private final Semaphore semaphore;
        private final String name;

        TrackedSemaphore(Semaphore semaphore, String name) {
            this.semaphore = semaphore;
            this.name = name;
        }

        @Override
        public void acquire() throws InterruptedException {
            waitingFor(name, () -> {
                semaphore.acquire();
                return null;
            });
            waitFor.holds(name);
        }

        @Override
        public boolean tryAcquire() {
            boolean acquired = semaphore.tryAcquire();
            if (acquired) {
                waitFor.holds(name);
            }
            return acquired;
        }

        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
            boolean acquired = waitingFor(name, () -> semaphore.tryAcquire(timeout, unit));
            if (acquired) {
                waitFor.holds(name);
            }
            return acquired;
        }

        @Override
        public void release() {
            semaphore.release();
            waitFor.released(name);
        }

        @Override
        public int availablePermits() {
            return semaphore.availablePermits();
        }
    }

    private final class TrackedEvent implements Event {
        private final Event event;
        private final String name;

        TrackedEvent(Event event, String name) {
            this.event = event;
            this.name = name;
        }

        @Override
        public void set() {
            event.set();
        }

        @Override
        public void clear() {
            event.clear();
        }

        @Override
        public boolean isSet() {
            return event.isSet();
        }

        @Override
        public void await() throws InterruptedException {
            waitingFor(name, () -> {
                event.await();
                return null;
            });
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            return waitingFor(name, () -> event.await(timeout, unit));
        }
    }

    private final class TrackedQueue<E> implements Queue<E> {
        private final Queue<E> queue;
        private final String name;

        TrackedQueue(Queue<E> queue, String name) {
            this.queue = queue;
            this.name = name;
        }

        @Override
        public void put(E item) throws InterruptedException {
            waitingFor("room in " + name, () -> {
                queue.put(item);
                return null;
            });
        }

        @Override
        public boolean offer(E item) {
            return queue.offer(item);
        }

        @Override
        public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
            return waitingFor("room in " + name, () -> queue.offer(item, timeout, unit));
        }

        @Override
        public E take() throws InterruptedException {
            return waitingFor("an item from " + name, queue::take);
        }

        @Override
        public E poll() {
            return queue.poll();
        }

        @Override
        public E poll(long timeout, TimeUnit unit) throws InterruptedException {
            return waitingFor("an item from " + name, () -> queue.poll(timeout, unit));
        }

        @Override
        public int size() {
            return queue.size();
        }

        @Override
        public int capacity() {
            return queue.capacity();
        }

        @Override
        public boolean isEmpty() {
            return queue.isEmpty();
        }

        @Override
        public boolean isFull() {
            return queue.isFull();
        }

        @Override
        public void taskDone() {
            queue.taskDone();
        }

        @Override
        public void join() throws InterruptedException {
            waitingFor("every item of " + name + " done", () -> {
                queue.join();
                return null;
            });
        }
    }
}
