package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
    What a task wrote before release() is visible to the task whose acquire() took that
    permit.

    The semaphore starts with no permit. The producer writes two plain fields, x and y, then
    releases a permit. The consumer acquires it (waiting if it must), then reads x and y. The
    release happens-before the acquire that takes its permit, so the consumer reads (1, 1).

    (0, 0), (1, 0) or (0, 1): the consumer got the permit but not the writes made before it
    was released; the counter was published without the writes before it. (-1, -1): the
    consumer was still waiting after a long bound although a permit was there.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Semaphore_02
*/
@JCStressTest
@Description("semaphore(0): writes made before release() are visible after the acquire() that takes the permit.")
@Outcome(id = "1, 1", expect = ACCEPTABLE,
        desc = "The consumer took the released permit and saw everything written before release().")
@Outcome(id = {"0, 0", "1, 0", "0, 1"}, expect = FORBIDDEN,
        desc = "The consumer took the permit but not what was written before release(): no happens-before "
                + "from release() to acquire().")
@Outcome(id = "-1, -1", expect = FORBIDDEN,
        desc = "The consumer was never woken although a permit was released.")
@Outcome(expect = FORBIDDEN, desc = "Only 0 and 1 are ever written: no interleaving reads anything else.")
@State
public class Semaphore_02_ReleaseBeforeAcquire {
    private final Semaphore permits = Primitives.load().semaphore(0);

    /** Plain: only the semaphore's happens-before edge publishes them. */
    private int x;
    private int y;

    @Actor
    public void producer() {
        x = 1;
        y = 1;
        permits.release();
    }

    @Actor
    public void consumer(II_Result r) {
        try {
            if (permits.tryAcquire(Bounds.WAIT_MS, TimeUnit.MILLISECONDS)) {
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
