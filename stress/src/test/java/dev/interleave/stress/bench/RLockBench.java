package dev.interleave.stress.bench;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.RLock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code rlock()} against {@code new ReentrantLock()}, nested (average time, ns/op, one thread):
 * acquire, acquire again while holding, a one-field critical section, release twice. The first
 * acquire is the CAS fast path; the nested one only counts a hold.
 */
public class RLockBench {

    @State(Scope.Thread)
    public static class Locks {
        RLock ours;
        ReentrantLock juc;
        long count;

        @Setup
        public void setUp() {
            ours = Primitives.load().rlock();
            juc = new ReentrantLock();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long rlockNested(Locks s) {
        s.ours.acquire();
        try {
            s.ours.acquire();
            try {
                return ++s.count;
            } finally {
                s.ours.release();
            }
        } finally {
            s.ours.release();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long reentrantLockNested(Locks s) {
        s.juc.lock();
        try {
            s.juc.lock();
            try {
                return ++s.count;
            } finally {
                s.juc.unlock();
            }
        } finally {
            s.juc.unlock();
        }
    }
}
