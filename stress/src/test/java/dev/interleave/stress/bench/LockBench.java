package dev.interleave.stress.bench;

import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code lock()} against {@code new ReentrantLock()}, and {@code fairLock()} against
 * {@code new ReentrantLock(true)}.
 *
 * <ul>
 *   <li><b>uncontended</b> (average time, ns/op, one thread): acquire, a one-field critical
 *       section, release. This is the fast path: one CAS in, one write out.</li>
 *   <li><b>contended</b> (throughput, ops/µs, two threads on one lock): the same loop in both
 *       threads. A barging lock lets a releasing thread take the lock again at once, so most
 *       operations still take the fast path; the rest queue, park and are unparked.</li>
 *   <li><b>fair, contended</b> (throughput, two threads): a fair lock hands a free lock to the
 *       queued thread, so almost every operation is a park/unpark hand-off between the two
 *       threads. Expect it to be slower than the barging lock by orders of magnitude.</li>
 * </ul>
 *
 * <p>The critical section increments a plain field; the result is returned so that it cannot be
 * optimised away.
 */
public class LockBench {

    /** One lock per thread: no other thread ever touches it. */
    @State(Scope.Thread)
    public static class Uncontended {
        Lock ours;
        ReentrantLock juc;
        long count;

        @Setup
        public void setUp() {
            ours = Primitives.load().lock();
            juc = new ReentrantLock();
        }
    }

    /** One lock shared by every thread of the benchmark. */
    @State(Scope.Benchmark)
    public static class Shared {
        Lock ours;
        Lock oursFair;
        ReentrantLock juc;
        ReentrantLock jucFair;
        long count;

        @Setup
        public void setUp() {
            Primitives primitives = Primitives.load();
            ours = primitives.lock();
            oursFair = primitives.fairLock();
            juc = new ReentrantLock();
            jucFair = new ReentrantLock(true);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long lockUncontended(Uncontended s) {
        s.ours.acquire();
        try {
            return ++s.count;
        } finally {
            s.ours.release();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long reentrantLockUncontended(Uncontended s) {
        s.juc.lock();
        try {
            return ++s.count;
        } finally {
            s.juc.unlock();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public long lockContended(Shared s) {
        s.ours.acquire();
        try {
            return ++s.count;
        } finally {
            s.ours.release();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public long reentrantLockContended(Shared s) {
        s.juc.lock();
        try {
            return ++s.count;
        } finally {
            s.juc.unlock();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public long fairLockContended(Shared s) {
        s.oursFair.acquire();
        try {
            return ++s.count;
        } finally {
            s.oursFair.release();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public long fairReentrantLockContended(Shared s) {
        s.jucFair.lock();
        try {
            return ++s.count;
        } finally {
            s.jucFair.unlock();
        }
    }
}
