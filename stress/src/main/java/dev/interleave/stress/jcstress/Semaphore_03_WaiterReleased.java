package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Semaphore;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/*
    A task blocked in acquire() on an empty semaphore is woken by release().

    The semaphore starts with no permit, so the waiter blocks in acquire(). jcstress's own
    thread (the @Signal) releases one permit, which must go to the waiter and wake it:
    TERMINATED.

    STALE: the waiter still waits although a permit is there; its wake-up was lost.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Semaphore_03
*/
@JCStressTest(Mode.Termination)
@Description("semaphore(0): a task blocked in acquire() is woken by release().")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiting task took the released permit.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting task was never woken: it waits forever although a permit is there.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "acquire() or release() threw an exception.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class Semaphore_03_WaiterReleased {
    private final Semaphore permits = Primitives.load().semaphore(0);

    @Actor
    public void waiter() throws InterruptedException {
        permits.acquire();
    }

    @Signal
    public void releaser() {
        permits.release();
    }
}
