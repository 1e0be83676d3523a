package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Connection;
import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.Primitives;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/*
    What the sender wrote into a message before send() is visible to the task that receives
    it at the other end of the pipe.

    The lecture's master and worker: the master fills a parcel (a plain field, contents = 42)
    and sends it into its end of the pipe; the worker receives it at the other end, waiting if
    nothing has arrived yet, and reads the contents. send() happens-before the recv() that
    returns the message, so the worker reads 42.

    0: the worker got the parcel but not what was written into it before send(). -1: the
    worker was still waiting after a long bound although a message was sent: a lost message
    or a lost wake-up.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Pipe_01
*/
@JCStressTest
@Description("pipe(): what was written into a message before send() is visible after recv() at the other end.")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "The worker received the parcel and saw what the master wrote into it.")
@Outcome(id = "0", expect = FORBIDDEN,
        desc = "The worker received the parcel but not its contents: no happens-before from send() to recv().")
@Outcome(id = "-1", expect = FORBIDDEN,
        desc = "The worker never received the message that was sent: lost message or lost wake-up.")
@Outcome(expect = FORBIDDEN, desc = "Only 42 is ever written into the parcel.")
@State
public class Pipe_01_SendBeforeRecv {
    private final Connection<Parcel> master;
    private final Connection<Parcel> worker;

    public Pipe_01_SendBeforeRecv() {
        Pipe<Parcel> pipe = Primitives.load().pipe(1);
        master = pipe.left();
        worker = pipe.right();
    }

    @Actor
    public void master() {
        try {
            master.send(Parcel.filled());
        } catch (InterruptedException e) {
            throw Bounds.unexpected(e);
        }
    }

    @Actor
    public void worker(I_Result r) {
        try {
            r.r1 = worker.poll(Bounds.WAIT_MS, TimeUnit.MILLISECONDS) ? worker.recv().contents : Bounds.NEVER;
        } catch (InterruptedException e) {
            throw Bounds.unexpected(e);
        }
    }
}
