package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Semaphore;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/*
    Two releases race for the one free place of a bounded semaphore: exactly one may succeed.

    boundedSemaphore(1) starts with its one permit, which the constructor takes. Now two tasks
    release() at once. There is room for one permit: one release() must give it back, the
    other must be refused with IllegalStateException, and afterwards exactly one permit is
    available.

    "Is there room? Then add a permit" is a check-then-act sequence, a race condition unless
    it is one atomic step. If both tasks check before either adds, both succeed: (1, 1, 2),
    the semaphore grew past its bound, or (1, 1, 1), one of the two increments of the counter
    was a lost update. (0, 0, 0): both were refused although there was room.

    Each task records 1 if its release() returned, 0 if it was refused; the arbiter records
    availablePermits() after both.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=BoundedSemaphore_02
*/
@JCStressTest
@Description("boundedSemaphore(1): of two racing release() calls with room for one, exactly one succeeds.")
@Outcome(id = {"1, 0, 1", "0, 1, 1"}, expect = ACCEPTABLE,
        desc = "One release() gave the permit back, the other was refused: the semaphore kept its bound.")
@Outcome(id = "1, 1, 2", expect = FORBIDDEN,
        desc = "Race condition: both release() calls checked for room before either added its permit, "
                + "and the semaphore grew past its bound.")
@Outcome(id = "1, 1, 1", expect = FORBIDDEN,
        desc = "Both release() calls succeeded, and one of their updates of the counter was lost.")
@Outcome(id = "0, 0, 0", expect = FORBIDDEN, desc = "Both release() calls were refused although there was room.")
@Outcome(expect = FORBIDDEN, desc = "The permits do not add up: no interleaving of the two releases gives this.")
@State
public class BoundedSemaphore_02_OverRelease {
    private final Semaphore permits = Primitives.load().boundedSemaphore(1);

    public BoundedSemaphore_02_OverRelease() {
        if (!permits.tryAcquire()) {
            throw new IllegalStateException("a new boundedSemaphore(1) refused its one permit to tryAcquire()");
        }
    }

    @Actor
    public void first(III_Result r) {
        r.r1 = released();
    }

    @Actor
    public void second(III_Result r) {
        r.r2 = released();
    }

    @Arbiter
    public void permits(III_Result r) {
        r.r3 = permits.availablePermits();
    }

    private int released() {
        try {
            permits.release();
            return 1;
        } catch (IllegalStateException refused) {
            return 0;
        }
    }
}
