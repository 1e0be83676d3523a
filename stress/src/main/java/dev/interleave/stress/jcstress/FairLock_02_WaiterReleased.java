package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/*
    Lock_03 with the fair lock: a task blocked in acquire() is handed the lock when the holder
    releases it.

    jcstress's own thread takes the fair lock (in the constructor), the waiter blocks in
    acquire(), then jcstress's thread releases (the @Signal). A fair release hands the lock to
    the first waiter in line and wakes it; if that wake-up is lost, the waiter owns nothing,
    the lock is promised to it, and nobody else can ever take it: STALE.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=FairLock_02
*/
@JCStressTest(Mode.Termination)
@Description("fairLock(): a task blocked in acquire() gets the lock once the holder releases it.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiting task got the lock once the holder released it.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting task was never woken: it stays blocked on a lock that nobody holds.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "acquire() or release() threw an exception.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class FairLock_02_WaiterReleased {
    private final Lock lock = Primitives.load().fairLock();

    public FairLock_02_WaiterReleased() {
        // jcstress's own thread, which runs the @Signal below, holds the lock from the start.
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
    }
}
