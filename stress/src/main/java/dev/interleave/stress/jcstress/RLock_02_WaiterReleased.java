package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.RLock;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/*
    A task blocked on an RLock held twice is released by the holder's last release().

    jcstress's own thread acquires the RLock twice (in the constructor), the waiter blocks in
    acquire(), then jcstress's thread releases twice (the @Signal). The first release only
    lowers the hold count; the second frees the lock and must wake the waiter.

    STALE: the waiter was never woken, say because the wake-up was sent at the first release,
    when the lock was still held, and never again.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=RLock_02
*/
@JCStressTest(Mode.Termination)
@Description("rlock(): a task blocked in acquire() gets the lock once the holder's last hold is released.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE,
        desc = "The waiting task got the lock once the holder released both of its holds.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting task was never woken: it stays blocked on a lock that nobody holds.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "acquire() or release() threw an exception.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class RLock_02_WaiterReleased {
    private final RLock lock = Primitives.load().rlock();

    public RLock_02_WaiterReleased() {
        // jcstress's own thread, which runs the @Signal below, holds the lock twice from the start.
        lock.acquire();
        lock.acquire();
    }

    @Actor
    public void waiter() {
        lock.acquire();
        lock.release();
    }

    @Signal
    public void holder() {
        lock.release();
        lock.release();
    }
}
