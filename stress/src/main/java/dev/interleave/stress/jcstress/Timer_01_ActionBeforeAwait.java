package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Timer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
    When await() reports that a timer's action ran, everything the action wrote is visible.

    A timer with no delay whose action writes two plain fields, x and y. One task starts it;
    the other waits for it with await() and then reads x and y. await() returns true only once
    the action has finished, and the action's end happens-before that return, so the waiter
    reads (1, 1).

    (0, 0), (1, 0) or (0, 1): await() said the action had run, but its writes were not (all)
    visible; it returned before the action finished, or the end of the action was not
    published. (-1, -1): await() never returned true within a long bound, although the timer
    was started with no delay.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Timer_01
*/
@JCStressTest
@Description("timer(): once await() returns true, everything the action wrote is visible.")
@Outcome(id = "1, 1", expect = ACCEPTABLE,
        desc = "await() returned true after the action finished, and the waiter saw all it wrote.")
@Outcome(id = {"0, 0", "1, 0", "0, 1"}, expect = FORBIDDEN,
        desc = "await() returned true, but the action's writes were not all visible: it had not finished, "
                + "or its end happens-before nothing.")
@Outcome(id = "-1, -1", expect = FORBIDDEN,
        desc = "await() never returned true although the timer was started with no delay.")
@Outcome(expect = FORBIDDEN, desc = "Only 0 and 1 are ever written: no interleaving reads anything else.")
@State
public class Timer_01_ActionBeforeAwait {
    private final Timer timer = Primitives.load().timer(0, TimeUnit.MILLISECONDS, this::action);

    /** Plain: written by the action, in the timer's thread. */
    private int x;
    private int y;

    private void action() {
        x = 1;
        y = 1;
    }

    @Actor
    public void starter() {
        timer.start();
    }

    @Actor
    public void waiter(II_Result r) {
        try {
            if (timer.await(Bounds.WAIT_MS, TimeUnit.MILLISECONDS)) {
                r.r1 = x;
                r.r2 = y;
            } else {
                r.r1 = Bounds.NEVER;
                r.r2 = Bounds.NEVER;
            }
        } catch (InterruptedException e) {
            throw Bounds.unexpected(e);
        }
    }
}
