package dev.interleave.stress.bench;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.interleave.primitives.Event;
import dev.interleave.primitives.Primitives;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * {@code event()} against {@code new CountDownLatch(1)} as a start gate: a fresh one-shot gate
 * that one thread waits at until another opens it. Average time in ns per operation; an
 * operation is one gate passed and one gate opened.
 *
 * <p>Two threads take turns, so that each gate is (almost always) waited at before it opens
 * and the wake-up is measured, not only the check of an open gate:
 * <pre>
 *   gates: g0 (open) → g1 → g2 → g3 → ...   each made by the thread that opens the one before it
 *   ping:  pass g0, open g1,  pass g2, open g3, ...
 *   pong:  pass g1, open g2,  pass g3, open g4, ...
 * </pre>
 * Before opening gate {@code k}, a thread makes gate {@code k+1} and links it to gate {@code k};
 * the other thread reads that link after passing gate {@code k}, so the gate's own
 * happens-before edge publishes it. Waits are timed ({@link Patience#MILLIS}) so that a thread
 * whose partner has left the iteration gives up; it then leaves its cursor where it was and
 * takes up the chain again in the next iteration.
 */
public class GateBench {

    /** The chain of gates shared by the two threads, with one cursor per role. */
    abstract static class Chain<G> {
        final class Link {
            final G gate = newGate();
            Link next;
        }

        /** The gate ping waits at next, and the one pong waits at next; each touched by its role only. */
        Link ping;
        Link pong;

        final void start() {
            Link first = new Link();
            first.next = new Link();
            open(first.gate);
            ping = first;
            pong = first.next;
        }

        /** Passes {@code at}, opens the gate after it; returns the next gate to wait at, or {@code at} if stopped. */
        final Link step(Link at, Control control) throws InterruptedException {
            while (!await(at.gate)) {
                if (control.stopMeasurement) {
                    return at;
                }
            }
            Link mine = at.next;
            mine.next = new Link();
            open(mine.gate);
            return mine.next;
        }

        abstract G newGate();

        abstract void open(G gate);

        abstract boolean await(G gate) throws InterruptedException;
    }

    @State(Scope.Group)
    public static class Events extends Chain<Event> {
        private Primitives primitives;

        @Setup
        public void setUp() {
            primitives = Primitives.load();
            start();
        }

        @Override
        Event newGate() {
            return primitives.event();
        }

        @Override
        void open(Event gate) {
            gate.set();
        }

        @Override
        boolean await(Event gate) throws InterruptedException {
            return gate.await(Patience.MILLIS, MILLISECONDS);
        }
    }

    @State(Scope.Group)
    public static class Latches extends Chain<CountDownLatch> {
        @Setup
        public void setUp() {
            start();
        }

        @Override
        CountDownLatch newGate() {
            return new CountDownLatch(1);
        }

        @Override
        void open(CountDownLatch gate) {
            gate.countDown();
        }

        @Override
        boolean await(CountDownLatch gate) throws InterruptedException {
            return gate.await(Patience.MILLIS, MILLISECONDS);
        }
    }

    @Benchmark
    @Group("event")
    @GroupThreads(1)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void eventPing(Events s, Control control) throws InterruptedException {
        s.ping = s.step(s.ping, control);
    }

    @Benchmark
    @Group("event")
    @GroupThreads(1)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void eventPong(Events s, Control control) throws InterruptedException {
        s.pong = s.step(s.pong, control);
    }

    @Benchmark
    @Group("countDownLatch")
    @GroupThreads(1)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void countDownLatchPing(Latches s, Control control) throws InterruptedException {
        s.ping = s.step(s.ping, control);
    }

    @Benchmark
    @Group("countDownLatch")
    @GroupThreads(1)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void countDownLatchPong(Latches s, Control control) throws InterruptedException {
        s.pong = s.step(s.pong, control);
    }
}
