package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.RLock;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/*
    A reentrant lock (Python's RLock) may be acquired again by the task that holds it, and is
    free only after as many releases as acquires.

    Each task acquires the RLock, acquires it again (a nested critical section), counts once,
    releases the inner hold, counts again, and releases the outer hold. Both counts happen
    while the task holds the lock, so one task's two counts are always consecutive: (1, 2) for
    the task that went first, (3, 4) for the other.

    A task that got 1 and 3, or 2 and 4, saw the other task count between its own two counts:
    the inner release() let the lock go although the outer hold was still on. A repeated
    number is a lost update: both tasks were in the critical section at once.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=RLock_01
*/
@JCStressTest
@Description("rlock(): a nested critical section stays exclusive until the outermost release().")
@Outcome(id = {"1, 2, 3, 4", "3, 4, 1, 2"}, expect = ACCEPTABLE,
        desc = "One task's whole critical section, nested part included, ran before the other's.")
@Outcome(id = {"1, 3, 2, 4", "1, 4, 2, 3", "2, 3, 1, 4", "2, 4, 1, 3"}, expect = FORBIDDEN,
        desc = "The other task entered between the inner release() and the outer one: "
                + "the inner release() gave the lock away while it was still held.")
@Outcome(expect = FORBIDDEN, desc = "Lost update: two counts read the same value, so both tasks were "
        + "in the critical section at once.")
@State
public class RLock_01_NestedCriticalSection {
    private final RLock lock = Primitives.load().rlock();

    /** Plain: only the lock protects it. */
    private int count;

    @Actor
    public void first(IIII_Result r) {
        lock.acquire();
        try {
            lock.acquire();
            try {
                r.r1 = ++count;
            } finally {
                lock.release();
            }
            r.r2 = ++count;
        } finally {
            lock.release();
        }
    }

    @Actor
    public void second(IIII_Result r) {
        lock.acquire();
        try {
            lock.acquire();
            try {
                r.r3 = ++count;
            } finally {
                lock.release();
            }
            r.r4 = ++count;
        } finally {
            lock.release();
        }
    }
}
