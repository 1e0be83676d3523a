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
    Semaphore_01 with a bounded semaphore: one permit, used as a lock.

    A bounded semaphore refuses to grow past its initial permits, which adds a check to
    release(). Its acquire() must stay as exclusive as any semaphore's: the company's transfer
    (+2.000) and eBay's charge (-1.000) on 10.000 EUR must end at 11.000.

    12.000 or 9.000 is a lost update: both tasks held the one permit at once.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=BoundedSemaphore_01
*/
@JCStressTest
@Description("boundedSemaphore(1): two tasks update one balance in a critical section; no update may be lost.")
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
public class BoundedSemaphore_01_LostUpdate {
    private final Semaphore permit = Primitives.load().boundedSemaphore(1);

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
