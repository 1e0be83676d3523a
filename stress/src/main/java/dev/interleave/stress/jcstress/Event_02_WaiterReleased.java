package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Event;
import dev.interleave.primitives.Primitives;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/*
    A task waiting for an event is woken when the event is set.

    The waiter calls await() on an event that is not set, and blocks. jcstress's own thread
    (the @Signal) sets the event, which wakes every waiting task. The waiter must return:
    TERMINATED.

    STALE: the waiter still waits for an event that is set, because set() ran between the
    waiter's look at the flag and its going to sleep, and its wake-up was lost.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Event_02
*/
@JCStressTest(Mode.Termination)
@Description("Event: a task waiting in await() is woken by set().")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiting task was woken when the event was set.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting task was never woken: it waits forever for an event that is already set.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "await() or set() threw an exception.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class Event_02_WaiterReleased {
    private final Event event = Primitives.load().event();

    @Actor
    public void waiter() throws InterruptedException {
        event.await();
    }

    @Signal
    public void setter() {
        event.set();
    }
}
