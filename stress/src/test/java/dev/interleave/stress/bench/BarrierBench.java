package dev.interleave.stress.bench;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Primitives;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * {@code barrier(2)} against {@code new CyclicBarrier(2)}: two threads meet at the barrier again
 * and again. Average time in ns per operation; an operation is one {@code await} that returned,
 * so it includes waiting for the other thread and being woken by it.
 *
 * <p>A barrier cannot be left half-way: at the end of an iteration one thread leaves, and the
 * other would wait for it forever. So every wait is timed ({@link Patience#MILLIS}); a wait that
 * times out breaks the barrier (both barriers follow {@code CyclicBarrier} there), after which
 * the thread gives up if the measurement is over, and otherwise (the other thread was
 * descheduled for a whole patience, which should not happen) replaces the broken barrier by a
 * fresh one, once, by CAS, and meets the other thread there. A fresh barrier starts each
 * iteration.
 */
public class BarrierBench {

    /** The barrier of one kind; {@code current} is replaced whenever it broke. */
    abstract static class Meeting<B> {
        private static final VarHandle CURRENT;

        static {
            try {
                CURRENT = MethodHandles.lookup().findVarHandle(Meeting.class, "current", Object.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private volatile Object current;

        @Setup(Level.Iteration)
        public void freshBarrier() {
            current = newBarrier();
        }

        /** Meets the other thread; returns the arrival index, or -1 if the measurement ended first. */
        @SuppressWarnings("unchecked")
        final int meet(Control control) throws InterruptedException {
            for (;;) {
                B barrier = (B) current;
                try {
                    return await(barrier);
                } catch (TimeoutException | BrokenBarrierException e) {
                    if (control.stopMeasurement) {
                        return -1;
                    }
                    CURRENT.compareAndSet(this, barrier, newBarrier());
                }
            }
        }

        abstract B newBarrier();

        abstract int await(B barrier)
                throws InterruptedException, BrokenBarrierException, TimeoutException;
    }

    @State(Scope.Group)
    public static class Ours extends Meeting<Barrier> {
        private Primitives primitives;

        @Setup(Level.Trial)
        public void load() {
            primitives = Primitives.load();
        }

        @Override
        Barrier newBarrier() {
            return primitives.barrier(2);
        }

        @Override
        int await(Barrier barrier) throws InterruptedException, BrokenBarrierException, TimeoutException {
            return barrier.await(Patience.MILLIS, MILLISECONDS);
        }
    }

    @State(Scope.Group)
    public static class Juc extends Meeting<CyclicBarrier> {
        @Override
        CyclicBarrier newBarrier() {
            return new CyclicBarrier(2);
        }

        @Override
        int await(CyclicBarrier barrier) throws InterruptedException, BrokenBarrierException, TimeoutException {
            return barrier.await(Patience.MILLIS, MILLISECONDS);
        }
    }

    @Benchmark
    @Group("barrier")
    @GroupThreads(2)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int barrier(Ours s, Control control) throws InterruptedException {
        return s.meet(control);
    }

    @Benchmark
    @Group("cyclicBarrier")
    @GroupThreads(2)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int cyclicBarrier(Juc s, Control control) throws InterruptedException {
        return s.meet(control);
    }
}
