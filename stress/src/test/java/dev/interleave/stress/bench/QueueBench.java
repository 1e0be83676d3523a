package dev.interleave.stress.bench;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * {@code fifoQueue(n)} against {@code new ArrayBlockingQueue(n)} and
 * {@code new LinkedBlockingQueue(n)}: producers {@code put} one item per operation, consumers
 * {@code take} one. Throughput in ops/µs, counting both puts and takes (a transfer is two
 * operations, the same for every queue).
 *
 * <ul>
 *   <li><b>1P/1C</b>: one producer and one consumer thread on one queue.</li>
 *   <li><b>2P/2C</b>: two producers and two consumers. That is four threads on the two cores of
 *       the machine the defaults were chosen for: threads are also descheduled while they hold
 *       the queue's lock, which is part of what this pair measures.</li>
 * </ul>
 *
 * <p>The capacity is {@code capacity} (1024 by default; {@code -p capacity=1,1024} compares a
 * hand-off queue too). Ours is used without {@code taskDone()} (j.u.c queues have no such count).
 *
 * <p>Why no iteration can hang: a thread blocks in {@code put} or {@code take} only while the
 * measurement runs. Once JMH's {@code Control.stopMeasurement} is set (the first thread has
 * finished measuring), every thread switches to {@code offer(item)} and {@code poll()}, which
 * never wait. A thread still blocked from before waits for a thread of the other side, and that
 * thread keeps running operations (measured or, after its measurement, JMH's warm-down) until
 * every thread has finished measuring, so the blocked one is always released.
 */
public class QueueBench {
    private static final Integer ITEM = 42;

    @State(Scope.Group)
    public static class Ours {
        @Param("1024")
        public int capacity;

        Queue<Integer> queue;

        @Setup
        public void setUp() {
            queue = Primitives.load().fifoQueue(capacity);
        }
    }

    @State(Scope.Group)
    public static class ArrayQueue {
        @Param("1024")
        public int capacity;

        BlockingQueue<Integer> queue;

        @Setup
        public void setUp() {
            queue = new ArrayBlockingQueue<>(capacity);
        }
    }

    @State(Scope.Group)
    public static class LinkedQueue {
        @Param("1024")
        public int capacity;

        BlockingQueue<Integer> queue;

        @Setup
        public void setUp() {
            queue = new LinkedBlockingQueue<>(capacity);
        }
    }

    // ---- the two sides, once per kind of queue ------------------------------------------------

    static void put(Queue<Integer> queue, Control control) throws InterruptedException {
        if (control.stopMeasurement) {
            queue.offer(ITEM);
        } else {
            queue.put(ITEM);
        }
    }

    static Integer take(Queue<Integer> queue, Control control) throws InterruptedException {
        return control.stopMeasurement ? queue.poll() : queue.take();
    }

    static void put(BlockingQueue<Integer> queue, Control control) throws InterruptedException {
        if (control.stopMeasurement) {
            queue.offer(ITEM);
        } else {
            queue.put(ITEM);
        }
    }

    static Integer take(BlockingQueue<Integer> queue, Control control) throws InterruptedException {
        return control.stopMeasurement ? queue.poll() : queue.take();
    }

    // ---- 1P/1C ----------------------------------------------------------------------------------

    @Benchmark
    @Group("fifoQueue1P1C")
    @GroupThreads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void fifoQueue1P1CPut(Ours s, Control control) throws InterruptedException {
        put(s.queue, control);
    }

    @Benchmark
    @Group("fifoQueue1P1C")
    @GroupThreads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Integer fifoQueue1P1CTake(Ours s, Control control) throws InterruptedException {
        return take(s.queue, control);
    }

    @Benchmark
    @Group("arrayBlockingQueue1P1C")
    @GroupThreads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void arrayBlockingQueue1P1CPut(ArrayQueue s, Control control) throws InterruptedException {
        put(s.queue, control);
    }

    @Benchmark
    @Group("arrayBlockingQueue1P1C")
    @GroupThreads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Integer arrayBlockingQueue1P1CTake(ArrayQueue s, Control control) throws InterruptedException {
        return take(s.queue, control);
    }

    @Benchmark
    @Group("linkedBlockingQueue1P1C")
    @GroupThreads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void linkedBlockingQueue1P1CPut(LinkedQueue s, Control control) throws InterruptedException {
        put(s.queue, control);
    }

    @Benchmark
    @Group("linkedBlockingQueue1P1C")
    @GroupThreads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Integer linkedBlockingQueue1P1CTake(LinkedQueue s, Control control) throws InterruptedException {
        return take(s.queue, control);
    }

    // ---- 2P/2C ----------------------------------------------------------------------------------

    @Benchmark
    @Group("fifoQueue2P2C")
    @GroupThreads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void fifoQueue2P2CPut(Ours s, Control control) throws InterruptedException {
        put(s.queue, control);
    }

    @Benchmark
    @Group("fifoQueue2P2C")
    @GroupThreads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Integer fifoQueue2P2CTake(Ours s, Control control) throws InterruptedException {
        return take(s.queue, control);
    }

    @Benchmark
    @Group("arrayBlockingQueue2P2C")
    @GroupThreads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void arrayBlockingQueue2P2CPut(ArrayQueue s, Control control) throws InterruptedException {
        put(s.queue, control);
    }

    @Benchmark
    @Group("arrayBlockingQueue2P2C")
    @GroupThreads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Integer arrayBlockingQueue2P2CTake(ArrayQueue s, Control control) throws InterruptedException {
        return take(s.queue, control);
    }

    @Benchmark
    @Group("linkedBlockingQueue2P2C")
    @GroupThreads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void linkedBlockingQueue2P2CPut(LinkedQueue s, Control control) throws InterruptedException {
        put(s.queue, control);
    }

    @Benchmark
    @Group("linkedBlockingQueue2P2C")
    @GroupThreads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Integer linkedBlockingQueue2P2CTake(LinkedQueue s, Control control) throws InterruptedException {
        return take(s.queue, control);
    }
}
