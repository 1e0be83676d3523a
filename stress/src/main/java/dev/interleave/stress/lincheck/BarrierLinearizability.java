package dev.interleave.stress.lincheck;

import static dev.interleave.stress.lincheck.Scenario.op;

import dev.interleave.primitives.Barrier;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * {@code barrier(2)}, where it fits a sequential specification.
 *
 * <p>A barrier's {@code await} returns only when the last party arrives, so in general it has no
 * single point where it takes effect. It has one in two cases, and the test covers both:
 * <ul>
 *   <li>{@code await(0)}: the caller never waits. It trips the round if it is the last to arrive,
 *       else it times out and breaks the barrier. Random scenarios use it with {@code reset()},
 *       {@code isBroken()} and {@code waiting()}.
 *   <li>A waiting {@code await()} whose round is sure to trip, never to break, once it arrived: it
 *       takes effect at its arrival, where its arrival index is decided (parties-1 for the first,
 *       0 for the last, who trips the round). The hand-written scenarios (see {@link Scenario})
 *       have nothing that could break a round after a party arrived: every party that arrives
 *       waiting is joined by another, and no {@code reset}.
 * </ul>
 * What happens to waiters when a round breaks is left to the conformance suite.
 */
public class BarrierLinearizability extends LinearizabilityTest {
    static final int PARTIES = 2;

    private final Barrier barrier = primitives.barrier(PARTIES);

    @Operation
    public int awaitWithoutWaiting() throws InterruptedException, BrokenBarrierException, TimeoutException {
        return barrier.await(0, MS);
    }

    @Operation
    public void reset() {
        barrier.reset();
    }

    @Operation
    public boolean isBroken() {
        return barrier.isBroken();
    }

    @Operation
    public int waiting() {
        return barrier.waiting();
    }

    // Hand-written scenarios only: these wait.

    public int await() throws InterruptedException, BrokenBarrierException {
        return barrier.await();
    }

    public int awaitWaiting() throws InterruptedException, BrokenBarrierException, TimeoutException {
        return barrier.await(NEVER, MS);
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return options.sequentialSpecification(Sequential.class)
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("await"), op("await"))
                        .thread(op("await"), op("await"), op("isBroken"))
                        .afterwards(op("waiting"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("await"), op("waiting"))
                        .thread(op("awaitWithoutWaiting"), op("isBroken"))
                        .build());
    }

    @Override
    protected List<Scenario> timedScenarios() {
        return List.of(Scenario.of(getClass())
                .thread(op("awaitWaiting"), op("await"))
                .thread(op("await"), op("awaitWaiting"), op("isBroken"))
                .afterwards(op("waiting")));
    }

    /** A barrier of {@link #PARTIES} parties, one call at a time; a waiting await takes effect at its arrival. */
    public static class Sequential {
        private int arrived;
        private boolean broken;

        public int awaitWithoutWaiting() throws BrokenBarrierException, TimeoutException {
            if (broken) {
                throw new BrokenBarrierException();
            }
            if (arrived + 1 == PARTIES) {
                arrived = 0;
                return 0;
            }
            broken = true;
            arrived = 0;
            throw new TimeoutException();
        }

        public void reset() {
            broken = false;
            arrived = 0;
        }

        public boolean isBroken() {
            return broken;
        }

        public int waiting() {
            return arrived;
        }

        public int await() throws BrokenBarrierException {
            if (broken) {
                throw new BrokenBarrierException();
            }
            arrived++;
            if (arrived == PARTIES) {
                arrived = 0;
                return 0;
            }
            return PARTIES - arrived;
        }

        public int awaitWaiting() throws BrokenBarrierException {
            return await();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sequential that && arrived == that.arrived && broken == that.broken;
        }

        @Override
        public int hashCode() {
            return arrived * 2 + (broken ? 1 : 0);
        }
    }
}
