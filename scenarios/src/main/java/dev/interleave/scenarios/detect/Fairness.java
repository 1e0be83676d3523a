package dev.interleave.scenarios.detect;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How fairly a lock was handed out: how often each thread got it, the longest wait of each,
 * and the <em>bypass count</em>: how many times a thread got the lock while a thread that had
 * arrived before it was still waiting. A fair lock ({@code fairLock()}: no waiter is overtaken
 * by a later arrival) has no bypass; a barging {@code lock()} may have some, and may have none.
 *
 * <p>Fed either by the decorator {@link #watch(Lock)} around any implementation's lock, or by
 * hand ({@link #arrived()}, {@link #acquired()}, {@link #gaveUp()}), e.g. by an explorer that
 * knows when a thread was proven waiting.
 *
 * <h2>What "arrival" means</h2>
 * The decorator notes a thread's arrival just before it calls the implementation's acquire,
 * and its acquisition just after the call returned. Between the two notes, the thread may not
 * yet have reached the lock's own queue: with real threads racing, a thread noted as arriving
 * first may really have asked second, so the bypass count of real threads is an <em>upper
 * bound</em> (it may count a bypass that did not happen; it misses none, because an acquisition
 * is noted before the holder releases, so acquisitions are noted in their true order). The
 * count is exact when the arrival is proven, as under the explorer: a later step starts only
 * once the waiting thread has been seen blocked inside the lock, so every thread noted as
 * arriving earlier really was waiting when the later one asked.
 *
 * <p>Only plain acquisitions count: a re-acquisition inside {@link Condition#await()} is not
 * noted. A successful {@code tryAcquire} is an arrival and an acquisition at once (it may
 * bypass waiters); a timed {@code tryAcquire} that runs out gives up its arrival.
 *
 * <p>Cheap: one short synchronized note per acquire and per acquisition. The notes synchronize,
 * so the decorator may hide a memory-visibility bug of the lock under it: it measures fairness,
 * it is not a race detector.
 */
public final class Fairness {
    /** A thread that arrived and has not got the lock yet. */
    private static final class Waiter {
        final Thread thread;
        final long arrival;
        final long nanos;
        int overtaken;

        Waiter(Thread thread, long arrival, long nanos) {
            this.thread = thread;
            this.arrival = arrival;
            this.nanos = nanos;
        }
    }

    /** How many entries of the order and of the bypasses in words are kept (the counts are exact). */
    static final int KEPT = 1_000;

    private final String lockName;
    private final List<Waiter> waiting = new ArrayList<>();
    private final Map<String, Integer> acquisitions = new LinkedHashMap<>();
    private final Map<String, Long> maxWaitMillis = new LinkedHashMap<>();
    private final Map<String, Integer> maxOvertaken = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final List<String> bypassed = new ArrayList<>();
    private long arrivals;
    private long acquired;
    private int bypasses;

    /** @param lockName the lock's name in reports ("Lock") */
    public Fairness(String lockName) {
        this.lockName = lockName;
    }

    /**
     * What was seen.
     *
     * @param lock the lock's name
     * @param acquisitions per thread, how often it got the lock (in order of first acquisition)
     * @param maxWaitMillis per thread, its longest wait from arrival to acquisition (a wait still
     *     under way counts up to now)
     * @param maxOvertaken per thread, the most later arrivals that got the lock during one of its
     *     waits (a wait still under way counts too: a starving thread shows here)
     * @param bypasses how many times a later arrival got the lock before a thread already waiting
     *     (each overtaken waiter counts once per acquisition)
     * @param order the threads in the order they got the lock (the first {@value Fairness#KEPT})
     * @param bypassed each bypass in words ("Task 1 got Lock before Task 2, which was waiting"; the
     *     first {@value Fairness#KEPT})
     */
    public record Report(String lock, Map<String, Integer> acquisitions, Map<String, Long> maxWaitMillis,
            Map<String, Integer> maxOvertaken, int bypasses, List<String> order, List<String> bypassed) {

        /** One sentence for the report. */
        public String summary() {
            return lock + " was acquired " + acquisitions.values().stream().mapToInt(Integer::intValue).sum()
                    + " time(s) " + acquisitions + "; " + bypasses
                    + (bypasses == 1 ? " bypass" : " bypasses") + " (a later arrival got " + lock
                    + " before a thread already waiting)" + (bypassed.isEmpty() ? "" : ", first: " + bypassed.get(0))
                    + ".";
        }
    }

    /** A lock that notes every arrival and acquisition here; otherwise the same as {@code lock}. */
    public Lock watch(Lock lock) {
        return new WatchedLock(lock);
    }

    /** Notes that the calling thread is about to wait for the lock (or is proven waiting). */
    public synchronized void arrived() {
        Thread me = Thread.currentThread();
        if (find(me) == null) {
            waiting.add(new Waiter(me, arrivals++, System.nanoTime()));
        }
    }

    /** Notes that the calling thread stopped waiting without the lock (a timed try ran out). */
    public synchronized void gaveUp() {
        waiting.remove(find(Thread.currentThread()));
    }

    /** Notes that the calling thread got the lock (after {@link #arrived()}, or at once). */
    public synchronized void acquired() {
        Thread me = Thread.currentThread();
        Waiter self = find(me);
        if (self == null) {
            self = new Waiter(me, arrivals++, System.nanoTime());
        } else {
            waiting.remove(self);
        }
        String name = me.getName();
        acquired++;
        if (order.size() < KEPT) {
            order.add(name);
        }
        acquisitions.merge(name, 1, Integer::sum);
        maxWaitMillis.merge(name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - self.nanos), Math::max);
        maxOvertaken.merge(name, self.overtaken, Math::max);
        for (Waiter other : waiting) {
            if (other.arrival < self.arrival) {
                bypasses++;
                other.overtaken++;
                String who = other.thread.getName();
                if (bypassed.size() < KEPT) {
                    bypassed.add(name + " got " + lockName + " before " + who + ", which was waiting for it"
                            + " (acquisition " + acquired + ")");
                }
            }
        }
    }

    /** The threads that arrived and have not got the lock yet, in order of arrival. */
    public synchronized List<String> waiting() {
        List<String> names = new ArrayList<>();
        waiting.forEach(w -> names.add(w.thread.getName()));
        return names;
    }

    /** Everything seen so far. */
    public synchronized Report report() {
        Map<String, Integer> overtaken = new LinkedHashMap<>(maxOvertaken);
        Map<String, Long> waits = new LinkedHashMap<>(maxWaitMillis);
        long now = System.nanoTime();
        for (Waiter w : waiting) {
            overtaken.merge(w.thread.getName(), w.overtaken, Math::max);
            waits.merge(w.thread.getName(), TimeUnit.NANOSECONDS.toMillis(now - w.nanos), Math::max);
        }
        return new Report(lockName, new LinkedHashMap<>(acquisitions), waits, overtaken, bypasses,
                List.copyOf(order), List.copyOf(bypassed));
    }

    private Waiter find(Thread thread) {
        for (Waiter w : waiting) {
            if (w.thread == thread) {
                return w;
            }
        }
        return null;
    }

    private final class WatchedLock implements Lock {
        private final Lock lock;

        WatchedLock(Lock lock) {
            this.lock = lock;
        }

        @Override
        public void acquire() {
            arrived();
            lock.acquire();
            acquired();
        }

        @Override
        public void acquireInterruptibly() throws InterruptedException {
            arrived();
            try {
                lock.acquireInterruptibly();
            } catch (InterruptedException | RuntimeException | Error e) {
                gaveUp();
                throw e;
            }
            acquired();
        }

        @Override
        public boolean tryAcquire() {
            boolean got = lock.tryAcquire();
            if (got) {
                acquired();
            }
            return got;
        }

        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
            arrived();
            boolean got;
            try {
                got = lock.tryAcquire(timeout, unit);
            } catch (InterruptedException | RuntimeException | Error e) {
                gaveUp();
                throw e;
            }
            if (got) {
                acquired();
            } else {
                gaveUp();
            }
            return got;
        }

        @Override
        public void release() {
            lock.release();
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }

        @Override
        public Condition newCondition() {
            return lock.newCondition();
        }

        @Override
        public String toString() {
            return lock.toString();
        }
    }
}
