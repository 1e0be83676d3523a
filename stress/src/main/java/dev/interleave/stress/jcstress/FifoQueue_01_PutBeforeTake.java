package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/*
    What the producer wrote into an item before put() is visible to the consumer that takes
    it.

    The producer fills a parcel (a plain field, contents = 42) and puts it into a FIFO queue.
    The consumer takes it, waiting if the queue is still empty, and reads the contents. put()
    happens-before the take() that removes the item, so the consumer reads 42.

    0: the consumer got the parcel but not what was written into it before put(); the item
    was published without the writes before it. -1: the consumer was still waiting after a
    long bound although the item was put: a lost item or a lost wake-up.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=FifoQueue_01
*/
@JCStressTest
@Description("fifoQueue(): what was written into an item before put() is visible after take().")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "The consumer took the parcel and saw what the producer wrote into it.")
@Outcome(id = "0", expect = FORBIDDEN,
        desc = "The consumer took the parcel but not its contents: no happens-before from put() to take().")
@Outcome(id = "-1", expect = FORBIDDEN,
        desc = "The consumer never got the item that was put: lost item or lost wake-up.")
@Outcome(expect = FORBIDDEN, desc = "Only 42 is ever written into the parcel.")
@State
public class FifoQueue_01_PutBeforeTake {
    private final Queue<Parcel> queue = Primitives.load().fifoQueue(1);

    @Actor
    public void producer() {
        try {
            queue.put(Parcel.filled());
        } catch (InterruptedException e) {
            throw Bounds.unexpected(e);
        }
    }

    @Actor
    public void consumer(I_Result r) {
        try {
            Parcel parcel = queue.poll(Bounds.WAIT_MS, TimeUnit.MILLISECONDS);
            r.r1 = parcel == null ? Bounds.NEVER : parcel.contents;
        } catch (InterruptedException e) {
            throw Bounds.unexpected(e);
        }
    }
}
