package dev.interleave.stress.lincheck;

import static dev.interleave.stress.lincheck.Scenario.op;

import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Connection;
import dev.interleave.primitives.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * {@code pipe(n)} behaves like two one-way buffers between two ends, one call at a time: what one
 * end sends the other receives in order; once an end is closed, sending on it or to it throws
 * {@link ClosedPipeException}, receiving on it throws, and its peer receives what is left, then
 * throws.
 *
 * <p>A pipe has no send that gives up when the buffer is full, nor a receive that gives up when it
 * is empty, so random scenarios use a pipe of capacity {@link #WIDE} (more than the sends of any
 * scenario, so no send waits) and receive with {@code poll(0)} then {@code recv()}
 * ({@code receiveAt...IfReady}). That pair is one step only while nobody else receives at that
 * end, so Lincheck keeps all receives of an end in one thread (a non-parallel group); the
 * specification returns {@code null} where {@code poll(0)} says nothing is there. Each end is
 * closed at most once per scenario ({@code close} is idempotent in the reference, but the
 * contract does not say so).
 *
 * <p>The waiting calls ({@code send}, {@code recv}, and under stress {@code poll(timeout)}) run in
 * hand-written scenarios (see {@link Scenario}) on a second pipe of capacity 1: a full buffer
 * makes the sender wait for the receiver, an empty one makes the receiver wait for the sender,
 * and a close wakes a blocked sender or receiver of the peer.
 */
public class PipeLinearizability extends LinearizabilityTest {
    /** Room for every send of a random scenario, so that none waits. */
    static final int WIDE = LincheckRun.THREADS * LincheckRun.ACTORS_PER_THREAD + 2 * LincheckRun.ACTORS_AROUND;

    static final int NARROW = 1;

    /** The messages: 1 to 3. */
    static final String MESSAGES = "1:3";

    private final Pipe<Integer> pipe = primitives.pipe(WIDE);
    private final Pipe<Integer> narrow = primitives.pipe(NARROW);

    @Operation
    public void sendAtLeft(@Param(gen = IntGen.class, conf = MESSAGES) int message) throws InterruptedException {
        pipe.left().send(message);
    }

    @Operation
    public void sendAtRight(@Param(gen = IntGen.class, conf = MESSAGES) int message) throws InterruptedException {
        pipe.right().send(message);
    }

    @Operation(nonParallelGroup = "receivers at left")
    public Integer receiveAtLeftIfReady() throws InterruptedException {
        return receiveIfReady(pipe.left());
    }

    @Operation(nonParallelGroup = "receivers at right")
    public Integer receiveAtRightIfReady() throws InterruptedException {
        return receiveIfReady(pipe.right());
    }

    @Operation
    public boolean pollAtLeft() throws InterruptedException {
        return pipe.left().poll(0, MS);
    }

    @Operation
    public boolean pollAtRight() throws InterruptedException {
        return pipe.right().poll(0, MS);
    }

    @Operation(runOnce = true)
    public void closeLeft() {
        pipe.left().close();
    }

    @Operation(runOnce = true)
    public void closeRight() {
        pipe.right().close();
    }

    private static Integer receiveIfReady(Connection<Integer> end) throws InterruptedException {
        return end.poll(0, MS) ? end.recv() : null;
    }

    // Hand-written scenarios only: these wait, on the narrow pipe.

    public void narrowSendAtLeft(int message) throws InterruptedException {
        narrow.left().send(message);
    }

    public void narrowSendAtRight(int message) throws InterruptedException {
        narrow.right().send(message);
    }

    public int narrowRecvAtLeft() throws InterruptedException {
        return narrow.left().recv();
    }

    public int narrowRecvAtRight() throws InterruptedException {
        return narrow.right().recv();
    }

    public boolean narrowPollWaitingAtRight() throws InterruptedException {
        return narrow.right().poll(NEVER, MS);
    }

    public void narrowCloseLeft() {
        narrow.left().close();
    }

    public void narrowCloseRight() {
        narrow.right().close();
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return options.sequentialSpecification(Sequential.class)
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("narrowSendAtLeft", 1), op("narrowSendAtLeft", 2), op("narrowSendAtLeft", 3))
                        .thread(op("narrowRecvAtRight"), op("narrowRecvAtRight"), op("narrowRecvAtRight"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("narrowSendAtLeft", 1), op("narrowRecvAtLeft"))
                        .thread(op("narrowSendAtRight", 2), op("narrowRecvAtRight"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("narrowRecvAtRight"))
                        .thread(op("narrowCloseLeft"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("narrowSendAtLeft", 1), op("narrowSendAtLeft", 2))
                        .thread(op("narrowCloseRight"))
                        .build());
    }

    @Override
    protected List<Scenario> timedScenarios() {
        return List.of(Scenario.of(getClass())
                .thread(op("narrowPollWaitingAtRight"), op("narrowRecvAtRight"))
                .thread(op("narrowCloseLeft")));
    }

    /** Two ends, one call at a time: the wide pipe of the random scenarios and the narrow one. */
    public static class Sequential {
        private final Ends pipe = new Ends(WIDE);
        private final Ends narrow = new Ends(NARROW);

        public void sendAtLeft(int message) {
            pipe.send(pipe.left, message);
        }

        public void sendAtRight(int message) {
            pipe.send(pipe.right, message);
        }

        public Integer receiveAtLeftIfReady() {
            return pipe.poll(pipe.left) ? pipe.recv(pipe.left) : null;
        }

        public Integer receiveAtRightIfReady() {
            return pipe.poll(pipe.right) ? pipe.recv(pipe.right) : null;
        }

        public boolean pollAtLeft() {
            return pipe.poll(pipe.left);
        }

        public boolean pollAtRight() {
            return pipe.poll(pipe.right);
        }

        public void closeLeft() {
            pipe.close(pipe.left);
        }

        public void closeRight() {
            pipe.close(pipe.right);
        }

        public void narrowSendAtLeft(int message) {
            narrow.send(narrow.left, message);
        }

        public void narrowSendAtRight(int message) {
            narrow.send(narrow.right, message);
        }

        public int narrowRecvAtLeft() {
            return narrow.recv(narrow.left);
        }

        public int narrowRecvAtRight() {
            return narrow.recv(narrow.right);
        }

        public boolean narrowPollWaitingAtRight() {
            if (!narrow.poll(narrow.right)) {
                throw new WouldBlock();
            }
            return true;
        }

        public void narrowCloseLeft() {
            narrow.close(narrow.left);
        }

        public void narrowCloseRight() {
            narrow.close(narrow.right);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sequential that && pipe.equals(that.pipe) && narrow.equals(that.narrow);
        }

        @Override
        public int hashCode() {
            return pipe.hashCode() * 31 + narrow.hashCode();
        }
    }

    /** One pipe: two ends, each with the buffer of what was sent to it. */
    static final class Ends {
        final End left = new End();
        final End right = new End();
        private final int capacity;

        Ends(int capacity) {
            this.capacity = capacity;
        }

        private End peer(End end) {
            return end == left ? right : left;
        }

        void send(End from, int message) {
            End to = peer(from);
            if (from.closed || to.closed) {
                throw new ClosedPipeException("closed");
            }
            if (to.inbox.size() == capacity) {
                throw new WouldBlock();
            }
            to.inbox.add(message);
        }

        int recv(End at) {
            if (at.closed) {
                throw new ClosedPipeException("closed");
            }
            if (!at.inbox.isEmpty()) {
                return at.inbox.remove(0);
            }
            if (peer(at).closed) {
                throw new ClosedPipeException("closed");
            }
            throw new WouldBlock();
        }

        /** True when recv would return or throw at once. */
        boolean poll(End at) {
            return at.closed || peer(at).closed || !at.inbox.isEmpty();
        }

        void close(End end) {
            end.closed = true;
            end.inbox.clear();   // nobody can receive it any more
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ends that && left.equals(that.left) && right.equals(that.right);
        }

        @Override
        public int hashCode() {
            return left.hashCode() * 31 + right.hashCode();
        }
    }

    /** One end: closed or not, and what was sent to it and not yet received. */
    static final class End {
        boolean closed;
        final List<Integer> inbox = new ArrayList<>();

        @Override
        public boolean equals(Object other) {
            return other instanceof End that && closed == that.closed && inbox.equals(that.inbox);
        }

        @Override
        public int hashCode() {
            return Objects.hash(closed, inbox);
        }
    }
}
