package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Primitives;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/*
    Past a barrier, each task sees everything the other wrote before it arrived.

    A barrier for two parties. Each task writes its own plain field (x or y), waits at the
    barrier, then reads the other task's field. Neither passes until both have arrived, and
    every arrival happens-before every return from that trip, so each reads 1: (1, 1).

    await() also returns an arrival index: 1 for the first to arrive, 0 for the last. Of two
    tasks exactly one is first: (0, 1) or (1, 0) in the last two places.

    A 0 among the first two: a task passed the barrier without seeing the other task's write,
    either released before the other arrived or with the write not published. The same index
    twice: both tasks counted themselves as the same arrival, a lost update on the barrier's
    count. -1: the barrier never tripped within a long bound (it timed out or broke).

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Barrier_01
*/
@JCStressTest
@Description("Barrier: after the trip, each task sees what the other wrote before arriving; arrival indexes differ.")
@Outcome(id = {"1, 1, 0, 1", "1, 1, 1, 0"}, expect = ACCEPTABLE,
        desc = "Both passed the barrier seeing the other's write; one arrived first (index 1), the other last (0).")
@Outcome(id = {"0, 1, 0, 1", "0, 1, 1, 0", "1, 0, 0, 1", "1, 0, 1, 0", "0, 0, 0, 1", "0, 0, 1, 0"},
        expect = FORBIDDEN,
        desc = "A task passed the barrier without seeing what the other task wrote before it arrived.")
@Outcome(id = {"1, 1, 0, 0", "1, 1, 1, 1"}, expect = FORBIDDEN,
        desc = "Both tasks got the same arrival index: a lost update on the barrier's count of arrivals.")
@Outcome(expect = FORBIDDEN,
        desc = "The barrier never tripped (-1: it timed out or broke), or several of the faults above at once.")
@State
public class Barrier_01_TripVisibility {
    private final Barrier barrier = Primitives.load().barrier(2);

    /** Plain: only the barrier's happens-before edge publishes them. */
    private int x;
    private int y;

    @Actor
    public void left(IIII_Result r) {
        x = 1;
        r.r3 = arrive();
        r.r1 = y;
    }

    @Actor
    public void right(IIII_Result r) {
        y = 1;
        r.r4 = arrive();
        r.r2 = x;
    }

    private int arrive() {
        try {
            return barrier.await(Bounds.WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            return Bounds.NEVER;
        } catch (InterruptedException e) {
            throw Bounds.unexpected(e);
        }
    }
}
