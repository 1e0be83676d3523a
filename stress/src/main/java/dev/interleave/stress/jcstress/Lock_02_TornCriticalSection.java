package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
    A critical section is all or nothing, and what it wrote is there for the next task that
    acquires the lock.

    The writer, holding the lock, writes two plain fields: x, then y. The reader, holding the
    same lock, reads x, then y. The lock allows only two stories: the reader's critical section
    ran first and saw neither write (0, 0), or the writer's ran first and the reader sees both
    (1, 1). The release() that ends the writer's critical section happens-before the acquire()
    that begins the reader's, so both writes are visible.

    Anything else is torn. (1, 0): the reader ran while the writer was between its two writes,
    both inside the critical section at once. (0, 1): the reader saw the later write but not
    the earlier one, so the lock did not publish the writer's critical section to the next
    acquire(): a release made of a plain write, for instance, which the compiler or the CPU
    may reorder with the writes before it.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Lock_02
*/
@JCStressTest
@Description("lock(): a critical section writes two fields; another critical section must see both or neither.")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The reader's critical section ran first: it saw neither write.")
@Outcome(id = "1, 1", expect = ACCEPTABLE,
        desc = "The writer's critical section ran first: after acquire(), the reader sees everything it wrote.")
@Outcome(id = "1, 0", expect = FORBIDDEN,
        desc = "Torn: the reader saw the critical section half done. Both tasks were inside it at once.")
@Outcome(id = "0, 1", expect = FORBIDDEN,
        desc = "Torn: the reader saw the second write but not the first. release() did not publish the "
                + "critical section to the next acquire().")
@Outcome(expect = FORBIDDEN, desc = "Only 0 and 1 are ever written: no interleaving reads anything else.")
@State
public class Lock_02_TornCriticalSection {
    private final Lock lock = Primitives.load().lock();

    /** Plain: only the lock protects them. */
    private int x;
    private int y;

    @Actor
    public void writer() {
        lock.acquire();
        try {
            x = 1;
            y = 1;
        } finally {
            lock.release();
        }
    }

    @Actor
    public void reader(II_Result r) {
        lock.acquire();
        try {
            r.r1 = x;
            r.r2 = y;
        } finally {
            lock.release();
        }
    }
}
