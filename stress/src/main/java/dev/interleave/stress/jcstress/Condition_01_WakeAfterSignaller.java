package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
    A woken waiter runs only after the signalling task has left its critical section, and sees
    everything that task wrote.

    The lecture's consumer: holding the lock, it waits on the condition while no item is
    available, wait() temporarily releasing the lock. The producer, holding the same lock,
    makes the item available and notifies (signal()), then writes two more plain fields, x and
    y, before it releases the lock.

    await() returns only once the waiter holds the lock again, and the signaller still holds
    it until after its last write. So whenever the waiter sees the item available, the
    signaller's critical section is complete and the waiter reads (1, 1), whichever task came
    first.

    (0, 0), (1, 0) or (0, 1): await() returned while the signaller was still inside its
    critical section, or without the signaller's writes being visible: the waiter did not
    re-acquire the lock properly before returning. (-1, -1): the waiter was still waiting after
    a long bound, a signal lost although the item was there.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Condition_01
*/
@JCStressTest
@Description("Condition: a waiter woken by signal() holds the lock again and sees the signaller's critical section.")
@Outcome(id = "1, 1", expect = ACCEPTABLE,
        desc = "The waiter woke up holding the lock, after the signaller's critical section, and saw all of it.")
@Outcome(id = {"0, 0", "1, 0", "0, 1"}, expect = FORBIDDEN,
        desc = "await() returned before the signaller's critical section was complete or visible: "
                + "the waiter did not hold the lock again.")
@Outcome(id = "-1, -1", expect = FORBIDDEN,
        desc = "The waiter was never woken although the item was available: a lost signal.")
@Outcome(expect = FORBIDDEN, desc = "No interleaving of the two critical sections gives this.")
@State
public class Condition_01_WakeAfterSignaller {
    private final Lock lock = Primitives.load().lock();
    private final Condition itemAvailable = lock.newCondition();

    /** Plain: only the lock protects them. */
    private boolean available;
    private int x;
    private int y;

    @Actor
    public void consumer(II_Result r) {
        lock.acquire();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Bounds.WAIT_MS);
            while (!available) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    r.r1 = Bounds.NEVER;
                    r.r2 = Bounds.NEVER;
                    return;
                }
                itemAvailable.await(left, TimeUnit.NANOSECONDS);
            }
            r.r1 = x;
            r.r2 = y;
        } catch (InterruptedException e) {
            throw Bounds.unexpected(e);
        } finally {
            lock.release();
        }
    }

    @Actor
    public void producer() {
        lock.acquire();
        try {
            available = true;
            itemAvailable.signal();
            x = 1;
            y = 1;
        } finally {
            lock.release();
        }
    }
}
