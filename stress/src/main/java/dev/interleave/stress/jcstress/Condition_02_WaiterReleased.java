package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Condition;
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
    A task waiting on a condition is woken by signal().

    The waiter holds the lock and waits while no item is available; await() releases the lock
    while it waits. jcstress's own thread (the @Signal) takes the lock, makes the item
    available and signals. The waiter must wake up, get the lock back, see the item and
    finish: TERMINATED.

    STALE: the waiter is still waiting for an item that is already there. The signal was lost,
    for instance sent between the waiter's check and its going to sleep, or the waiter could
    never get the lock back.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Condition_02
*/
@JCStressTest(Mode.Termination)
@Description("Condition: a task waiting in await() is woken by signal().")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE,
        desc = "The waiting task was woken by signal(), got the lock back and found the item.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting task was never woken: a lost signal, it waits forever for an item already there.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "acquire(), await(), signal() or release() threw an exception.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class Condition_02_WaiterReleased {
    private final Lock lock = Primitives.load().lock();
    private final Condition itemAvailable = lock.newCondition();

    /** Plain: only the lock protects it. */
    private boolean available;

    @Actor
    public void consumer() throws InterruptedException {
        lock.acquire();
        try {
            while (!available) {
                itemAvailable.await();
            }
        } finally {
            lock.release();
        }
    }

    @Signal
    public void producer() {
        lock.acquire();
        try {
            available = true;
            itemAvailable.signal();
        } finally {
            lock.release();
        }
    }
}
