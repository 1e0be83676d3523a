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
import org.openjdk.jcstress.infra.results.I_Result;

/*
    A semaphore with one permit is a lock: "like a lock, but with a counter".

    Lock_01's bank account again (10.000 EUR, the company transfers 2.000, eBay charges
    1.000), with the critical section guarded by semaphore(1): acquire() takes the one permit,
    release() gives it back. Only one task at a time can hold the permit, so the balance must
    end at 11.000.

    12.000 or 9.000 is a lost update: two acquire() calls both took the one permit, a race on
    the semaphore's own counter (both read 1 before either wrote 0).

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Semaphore_01
*/
@JCStressTest
@Description("semaphore(1): two tasks update one balance in a critical section; no update may be lost.")
@Outcome(id = "11000", expect = ACCEPTABLE,
        desc = "The transfer and the charge ran one after the other: the balance is right.")
@Outcome(id = "12000", expect = FORBIDDEN,
        desc = "Lost update: the company read the balance before eBay wrote its charge back, then overwrote it. "
                + "Both tasks held the one permit at once.")
@Outcome(id = "9000", expect = FORBIDDEN,
        desc = "Lost update: eBay read the balance before the company wrote its transfer back, then overwrote it. "
                + "Both tasks held the one permit at once.")
@Outcome(expect = FORBIDDEN, desc = "No interleaving of the two critical sections gives this balance.")
@State
public class Semaphore_01_LostUpdate {
    private final Semaphore permit = Primitives.load().semaphore(1);

    /** Plain: only the permit protects it. */
    private int balance = 10_000;

    @Actor
    public void company() {
        try {
            permit.acquire();
        } catch (InterruptedException e) {
            throw Bounds.unexpected(e);
        }
        try {
            int read = balance;
            Thread.onSpinWait(); // read, manipulate, write: three steps, as in the lecture
            balance = read + 2_000;
        } finally {
            permit.release();
        }
    }

    @Actor
    public void ebay() {
        try {
            permit.acquire();
        } catch (InterruptedException e) {
            throw Bounds.unexpected(e);
        }
        try {
            int read = balance;
            Thread.onSpinWait(); // read, manipulate, write: three steps, as in the lecture
            balance = read - 1_000;
        } finally {
            permit.release();
        }
    }

    @Arbiter
    public void balance(I_Result r) {
        r.r1 = balance;
    }
}
