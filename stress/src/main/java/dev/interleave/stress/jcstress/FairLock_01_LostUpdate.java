package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/*
    Lock_01's lost update, with the fair lock.

    A fair lock hands the lock over to the longest waiting task instead of letting a newcomer
    barge in. The hand-off is a second way into the critical section, besides taking a free
    lock, and it must be just as exclusive: the company's transfer (+2.000) and eBay's charge
    (-1.000) on a balance of 10.000 must end at 11.000.

    12.000 or 9.000 is a lost update: both tasks were in the critical section at once, say
    because a newcomer took the lock while it was being handed to a waiter.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=FairLock_01
*/
@JCStressTest
@Description("fairLock(): two tasks update one balance in a critical section; no update may be lost.")
@Outcome(id = "11000", expect = ACCEPTABLE,
        desc = "The transfer and the charge ran one after the other: the balance is right.")
@Outcome(id = "12000", expect = FORBIDDEN,
        desc = "Lost update: the company read the balance before eBay wrote its charge back, then overwrote it. "
                + "Both tasks were in the critical section at once.")
@Outcome(id = "9000", expect = FORBIDDEN,
        desc = "Lost update: eBay read the balance before the company wrote its transfer back, then overwrote it. "
                + "Both tasks were in the critical section at once.")
@Outcome(expect = FORBIDDEN, desc = "No interleaving of the two critical sections gives this balance.")
@State
public class FairLock_01_LostUpdate {
    private final Lock lock = Primitives.load().fairLock();

    /** Plain: only the lock protects it. */
    private int balance = 10_000;

    @Actor
    public void company() {
        lock.acquire();
        try {
            int read = balance;
            Thread.onSpinWait(); // read, manipulate, write: three steps, as in the lecture
            balance = read + 2_000;
        } finally {
            lock.release();
        }
    }

    @Actor
    public void ebay() {
        lock.acquire();
        try {
            int read = balance;
            Thread.onSpinWait(); // read, manipulate, write: three steps, as in the lecture
            balance = read - 1_000;
        } finally {
            lock.release();
        }
    }

    @Arbiter
    public void balance(I_Result r) {
        r.r1 = balance;
    }
}
