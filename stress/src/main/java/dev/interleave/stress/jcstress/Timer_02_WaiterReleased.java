package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Timer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/*
    A task waiting for a timer is released once the timer's action has run.

    The waiter calls await() on a timer that has not been started, with a bound of a day, and
    blocks. jcstress's own thread (the @Signal) starts the timer with no delay; its action runs
    in the timer's thread, and its end must wake the waiter: TERMINATED.

    STALE: the action ran but the waiter still waits, because the timer never told it.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Timer_02
*/
@JCStressTest(Mode.Termination)
@Description("timer(): a task waiting in await() is released once the action has run.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiting task was released once the action had run.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting task was never woken: it waits although the action has run.")
@Outcome(id = "ERROR", expect = FORBIDDEN,
        desc = "await() or start() threw, or await() returned false before its day was up.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class Timer_02_WaiterReleased {
    private final Timer timer = Primitives.load().timer(0, TimeUnit.MILLISECONDS, () -> { });

    @Actor
    public void waiter() throws InterruptedException {
        if (!timer.await(1, TimeUnit.DAYS)) {
            throw new IllegalStateException("await(1 day) returned false within the test's run");
        }
    }

    @Signal
    public void starter() {
        timer.start();
    }
}
