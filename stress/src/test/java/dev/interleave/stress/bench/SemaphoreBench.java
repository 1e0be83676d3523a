package dev.interleave.stress.bench;

import dev.interleave.primitives.Primitives;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code semaphore(n)} against {@code new Semaphore(n)} (unfair, as ours promises no order):
 * acquire a permit, then give it back.
 *
 * <ul>
 *   <li><b>uncontended</b> (average time, ns/op, one thread, its own semaphore).</li>
 *   <li><b>contended</b> (throughput, ops/µs, two threads sharing one semaphore of
 *       {@code permits} permits; 1 by default, so a thread without a permit waits for the other
 *       one; {@code -p permits=2} measures two threads that never wait).</li>
 * </ul>
 */
public class SemaphoreBench {

    @State(Scope.Thread)
    public static class Uncontended {
        dev.interleave.primitives.Semaphore ours;
        Semaphore juc;

        @Setup
        public void setUp() {
            ours = Primitives.load().semaphore(1);
            juc = new Semaphore(1);
        }
    }

    @State(Scope.Benchmark)
    public static class Shared {
        @Param("1")
        public int permits;

        dev.interleave.primitives.Semaphore ours;
        Semaphore juc;

        @Setup
        public void setUp() {
            ours = Primitives.load().semaphore(permits);
            juc = new Semaphore(permits);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void semaphoreUncontended(Uncontended s) throws InterruptedException {
        s.ours.acquire();
        s.ours.release();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void jucSemaphoreUncontended(Uncontended s) throws InterruptedException {
        s.juc.acquire();
        s.juc.release();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public void semaphoreContended(Shared s) throws InterruptedException {
        s.ours.acquire();
        s.ours.release();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public void jucSemaphoreContended(Shared s) throws InterruptedException {
        s.juc.acquire();
        s.juc.release();
    }
}
