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
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/*
    A task waiting at a barrier is released when the last party arrives.

    A barrier for two parties. The waiter arrives and blocks. jcstress's own thread (the
    @Signal) arrives second, which trips the barrier and must release the waiter: TERMINATED.
    The last party never waits; it gives up after a long bound, which breaks the barrier, so a
    barrier that never trips ends as ERROR, not as a hang of jcstress's thread.

    STALE: the barrier tripped for the last party, but the waiter was never woken.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Barrier_02
*/
@JCStressTest(Mode.Termination)
@Description("Barrier: a task waiting in await() is released when the last party arrives.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiting task was released when the last party arrived.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting task was never woken: it waits forever at a barrier that has tripped.")
@Outcome(id = "ERROR", expect = FORBIDDEN,
        desc = "await() threw: the barrier broke or did not trip when both parties had arrived.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class Barrier_02_WaiterReleased {
    private final Barrier barrier = Primitives.load().barrier(2);

    @Actor
    public void waiter() throws InterruptedException, BrokenBarrierException {
        barrier.await();
    }

    @Signal
    public void lastParty() throws InterruptedException, BrokenBarrierException, TimeoutException {
        barrier.await(Bounds.WAIT_MS, TimeUnit.MILLISECONDS);
    }
}
