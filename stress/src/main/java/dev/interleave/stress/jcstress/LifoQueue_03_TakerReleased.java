package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/*
    A task blocked in take() on an empty queue is woken by put().

    The consumer calls take() on an empty LIFO queue and blocks. jcstress's own thread (the
    @Signal) puts one item, which must wake the consumer: TERMINATED.

    STALE: the consumer still waits although an item is in the queue; the put() did not wake
    it, or the item was lost.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=LifoQueue_03
*/
@JCStressTest(Mode.Termination)
@Description("lifoQueue(): a task blocked in take() is woken by put().")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiting consumer was woken by put() and took the item.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting consumer was never woken: it waits forever although an item was put.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "take() or put() threw an exception.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class LifoQueue_03_TakerReleased {
    private final Queue<Parcel> queue = Primitives.load().lifoQueue(1);

    @Actor
    public void consumer() throws InterruptedException {
        queue.take();
    }

    @Signal
    public void producer() throws InterruptedException {
        queue.put(Parcel.filled());
    }
}
