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
    The lecture's race condition, and the lock that prevents it.

    Your account holds 10.000 EUR. Your company transfers 2.000 EUR to it while eBay charges
    you 1.000 EUR: two tasks, each reading the balance, changing it and writing it back.
    Reading, manipulating and writing the balance is a critical section, so each task runs it
    holding the lock (Primitives.lock(), which may barge). Whatever the interleaving, the
    balance must end at 11.000.

    If the two critical sections overlap, one task reads the old balance before the other has
    written its result, and then overwrites that result: a lost update. The balance ends at
    12.000 (eBay's charge is lost) or at 9.000 (the transfer is lost). jcstress runs the two
    tasks on two cores, over and over, so a lock that ever lets both in at once shows here.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Lock_01
*/
@JCStressTest
@Description("lock(): two tasks update one balance in a critical section; no update may be lost.")
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
public class Lock_01_LostUpdate {
    private final Lock lock = Primitives.load().lock();

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
