package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Connection;
import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.Primitives;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/*
    A task blocked in recv() on an empty pipe is woken by send() at the other end.

    "recv will block if the pipe is empty": the worker calls recv() and blocks. jcstress's own
    thread (the @Signal), the master, sends one message from the other end, which must wake
    the worker: TERMINATED.

    STALE: the worker still waits although a message was sent; the send() did not wake it, or
    the message was lost.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=Pipe_02
*/
@JCStressTest(Mode.Termination)
@Description("pipe(): a task blocked in recv() is woken by send() at the other end.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiting worker was woken by send() and got the message.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The waiting worker was never woken: it waits forever although a message was sent.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "recv() or send() threw an exception.")
@Outcome(expect = FORBIDDEN, desc = "jcstress reports only the outcomes above for this kind of test.")
@State
public class Pipe_02_ReceiverReleased {
    private final Connection<Parcel> master;
    private final Connection<Parcel> worker;

    public Pipe_02_ReceiverReleased() {
        Pipe<Parcel> pipe = Primitives.load().pipe(1);
        master = pipe.left();
        worker = pipe.right();
    }

    @Actor
    public void worker() throws InterruptedException {
        worker.recv();
    }

    @Signal
    public void master() throws InterruptedException {
        master.send(Parcel.filled());
    }
}
