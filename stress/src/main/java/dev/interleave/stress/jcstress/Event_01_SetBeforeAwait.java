package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Event;
import dev.interleave.primitives.Primitives;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
    What a task wrote before set() is visible to every task that returns from await().

    The setter writes two plain fields, x and y, then sets the event. The waiter waits for the
    event, then reads x and y. set() happens-before the return of an await() that saw the
    event set, so the waiter reads (1, 1), whether it had to wait or found the event already
    set.

    (0, 0), (1, 0) or (0, 1): the waiter saw the event set but not what was written before
    set(); the flag was published without the writes before it, for instance as a plain field
    that the compiler or the CPU may reorder. (-1, -1): the waiter was still waiting after a
    long bound although the event was set.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Event_01
*/
@JCStressTest
@Description("Event: writes made before set() are visible after await() returns.")
@Outcome(id = "1, 1", expect = ACCEPTABLE,
        desc = "The waiter returned from await() after set(), and saw everything written before set().")
@Outcome(id = {"0, 0", "1, 0", "0, 1"}, expect = FORBIDDEN,
        desc = "The waiter saw the event set but not what was written before set(): no happens-before "
                + "from set() to await().")
@Outcome(id = "-1, -1", expect = FORBIDDEN, desc = "The waiter was never woken although the event was set.")
@Outcome(expect = FORBIDDEN, desc = "Only 0 and 1 are ever written: no interleaving reads anything else.")
@State
public class Event_01_SetBeforeAwait {
    private final Event event = Primitives.load().event();

    /** Plain: only the event's happens-before edge publishes them. */
    private int x;
    private int y;

    @Actor
    public void setter() {
        x = 1;
        y = 1;
        event.set();
    }

    @Actor
    public void waiter(II_Result r) {
        try {
            if (event.await(Bounds.WAIT_MS, TimeUnit.MILLISECONDS)) {
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
