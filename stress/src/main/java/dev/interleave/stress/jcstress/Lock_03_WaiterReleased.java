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
    A task blocked in acquire() is released when the holder releases the lock.

    jcstress's own thread takes the lock first (in the constructor), then starts the waiter,
    which calls acquire() and blocks until the lock is released. Then jcstress's thread
    releases it (the @Signal). The waiter must get the lock and finish: TERMINATED.

    STALE means the waiter was still blocked long after the release: the release did not wake
    it (a lost wake-up, say an unpark sent before the waiter parked and then forgotten), so it
    waits for a lock that nobody holds, forever. The waiter may also arrive after the release
    and take the free lock at once; that is fine, and also TERMINATED.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Lock_03
*/
@JCStressTest(Mode.Termination)
@Description("lock(): a task blocked in acquire() gets the lock once the holder releases it.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiting task got the lock once the holder released it.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting task was never woken: it stays blocked on a lock that nobody holds.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "acquire() or release() threw an exception.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class Lock_03_WaiterReleased {
    private final Lock lock = Primitives.load().lock();

    public Lock_03_WaiterReleased() {
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
