package dev.interleave.stress.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Connection;
import dev.interleave.primitives.Pipe;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.Worker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link Pipe} and its {@link Connection}s ({@code pipe(capacity)}): duplex, in
 * order each way, each direction with its own bounded buffer, and the close rules. Most checks
 * run in both directions.
 */
@DisplayName("Pipe: pipe(capacity)")
public class PipeConformance extends ConformanceTest {

    /** Which end sends and which receives. */
    enum Direction {
        LEFT_TO_RIGHT {
            @Override
            <T> Connection<T> sender(Pipe<T> pipe) {
                return pipe.left();
            }

            @Override
            <T> Connection<T> receiver(Pipe<T> pipe) {
                return pipe.right();
            }
        },
        RIGHT_TO_LEFT {
            @Override
            <T> Connection<T> sender(Pipe<T> pipe) {
                return pipe.right();
            }

            @Override
            <T> Connection<T> receiver(Pipe<T> pipe) {
                return pipe.left();
            }
        };

        abstract <T> Connection<T> sender(Pipe<T> pipe);

        abstract <T> Connection<T> receiver(Pipe<T> pipe);
    }

    /** A mutable message: its plain field is written before send and read after recv. */
    static final class Box {
        int value;
    }

    @Test
    void capacitiesBelowOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> primitives.pipe(0));
        assertThrows(IllegalArgumentException.class, () -> primitives.pipe(-1));
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void messagesArriveInTheOrderTheyWereSent(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(3);
        Connection<String> sender = way.sender(pipe);
        Connection<String> receiver = way.receiver(pipe);
        for (int round = 0; round < 3; round++) {
            sender.send("a" + round);
            sender.send("b" + round);
            sender.send("c" + round);
            assertEquals("a" + round, receiver.recv());
            assertEquals("b" + round, receiver.recv());
            assertEquals("c" + round, receiver.recv());
        }
    }

    @Test
    void eachDirectionHasItsOwnBuffer() throws Exception {
        Pipe<Integer> pipe = primitives.pipe(1);
        pipe.left().send(1);    // left to right is now full
        workers.start("right sender", () -> pipe.right().send(2)).join();   // must not block
        assertEquals(2, pipe.left().recv(), "a message sent right to left must arrive at the left end");
        assertEquals(1, pipe.right().recv(), "a message sent left to right must arrive at the right end");
        assertFalse(pipe.left().poll(0, MS));
        assertFalse(pipe.right().poll(0, MS));
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void nullMessagesAreRejectedAndNothingArrives(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(2);
        assertThrows(NullPointerException.class, () -> way.sender(pipe).send(null));
        assertFalse(way.receiver(pipe).poll(0, MS), "a rejected null must not arrive");
    }

    @Test
    @Tag(ConformanceTest.STRESS)
    void twoThreadsPlayPingPongThroughBothDirections() throws Exception {
        Pipe<Integer> pipe = primitives.pipe(1);
        int rounds = 500;
        Worker<Void> ponger = workers.start("pong", () -> {
            for (int i = 0; i < rounds; i++) {
                pipe.right().send(pipe.right().recv() + 1);
            }
        });
        int ball = 0;
        for (int i = 0; i < rounds; i++) {
            pipe.left().send(ball);
            ball = pipe.left().recv();
            assertEquals(i + 1, ball, "round " + i);
        }
        ponger.join();
        assertEquals(rounds, ball);
    }

    // ---------------------------------------------------------------- blocking and poll

    @ParameterizedTest
    @EnumSource(Direction.class)
    void recvBlocksUntilAMessageArrivesAndSeesWhatTheSenderWrote(Direction way) throws Exception {
        Pipe<Box> pipe = primitives.pipe(1);
        Worker<Integer> receiver = workers.call("receiver", () -> way.receiver(pipe).recv().value);
        receiver.assertBlocked();
        Box box = new Box();
        box.value = 42;
        way.sender(pipe).send(box);
        assertEquals(42, receiver.join(), "a write before send() must be visible after recv() of that message");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void sendBlocksWhileTheBufferIsFullAndCompletesWhenRoomIsMade(Direction way) throws Exception {
        Pipe<Integer> pipe = primitives.pipe(2);
        Connection<Integer> sender = way.sender(pipe);
        Connection<Integer> receiver = way.receiver(pipe);
        sender.send(1);
        sender.send(2);
        Worker<Void> blocked = workers.startBlocked("sender", () -> sender.send(3));
        assertEquals(1, receiver.recv());
        blocked.join();
        assertEquals(2, receiver.recv());
        assertEquals(3, receiver.recv());
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void pollTellsWhetherRecvWouldReturnAtOnceWithoutTakingTheMessage(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(2);
        Connection<String> receiver = way.receiver(pipe);
        assertFalse(receiver.poll(0, MS), "poll(0) must be false while nothing was sent");
        assertFalse(receiver.poll(-1, MS), "poll(-1) must be false while nothing was sent");
        way.sender(pipe).send("hello");
        assertTrue(receiver.poll(0, MS), "poll(0) must be true once a message is there");
        assertTrue(receiver.poll(NEVER, MS), "poll must not take the message");
        assertEquals("hello", receiver.recv());
        assertFalse(receiver.poll(0, MS));
    }

    @Test
    void timedPollReturnsFalseWhenTheTimeRunsOut() throws Exception {
        Pipe<String> pipe = primitives.pipe(1);
        long start = System.nanoTime();
        assertFalse(pipe.right().poll(SHORT, MS), "poll(timeout) must be false: nothing was sent");
        Delays.assertWaitedAtLeast(start, SHORT, "poll(timeout)");
    }

    @Test
    void extremeTimeoutsDoNotOverflow() throws Exception {
        Pipe<String> pipe = primitives.pipe(1);
        assertFalse(inWorker("poll(Long.MIN_VALUE)", () -> pipe.right().poll(Long.MIN_VALUE, MS)),
                "poll(Long.MIN_VALUE) must be false at once: nothing was sent");
        Worker<Boolean> poller = workers.call("poll(Long.MAX_VALUE)",
                () -> pipe.right().poll(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        poller.assertBlocked();
        pipe.left().send("hello");
        assertTrue(poller.join(), "poll(Long.MAX_VALUE) must wait until a message arrives");
        assertTrue(inWorker("poll(Long.MIN_VALUE)", () -> pipe.right().poll(Long.MIN_VALUE, MS)),
                "poll(Long.MIN_VALUE) must be true at once: a message is there");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void timedPollReturnsTrueWhenAMessageArrives(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(1);
        Worker<Void> poller = workers.startBlocked("poller", () ->
                assertTrue(way.receiver(pipe).poll(NEVER, MS), "poll(timeout) must be true once a message arrives"));
        way.sender(pipe).send("hello");
        poller.join();
        assertEquals("hello", way.receiver(pipe).recv());
    }

    // ---------------------------------------------------------------- close

    @ParameterizedTest
    @EnumSource(Direction.class)
    void messagesSentBeforeCloseAreStillReceivedThenRecvThrows(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(2);
        Connection<String> receiver = way.receiver(pipe);
        way.sender(pipe).send("a");
        way.sender(pipe).send("b");
        way.sender(pipe).close();
        assertTrue(receiver.poll(0, MS));
        assertEquals("a", receiver.recv());
        assertEquals("b", receiver.recv());
        assertTrue(receiver.poll(0, MS), "poll must be true when recv() would throw at once");
        assertThrows(ClosedPipeException.class, receiver::recv,
                "recv() must throw when the other end closed and nothing is left");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void sendingOnAClosedEndThrows(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(2);
        way.sender(pipe).close();
        assertThrows(ClosedPipeException.class, () -> way.sender(pipe).send("late"));
        assertThrows(ClosedPipeException.class, way.receiver(pipe)::recv, "nothing may arrive");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void sendingToAnEndWhosePeerClosedThrows(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(2);
        way.receiver(pipe).close();
        assertThrows(ClosedPipeException.class, () -> way.sender(pipe).send("unheard"));
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void recvOnYourOwnClosedEndThrowsAndPollSaysSo(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(2);
        way.sender(pipe).send("unread");
        Connection<String> receiver = way.receiver(pipe);
        receiver.close();
        assertThrows(ClosedPipeException.class, receiver::recv, "recv() on a closed end must throw");
        assertTrue(receiver.poll(0, MS), "poll must be true when recv() would throw at once");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void closingWakesABlockedReceiverOfThePeer(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(1);
        Worker<Void> receiver = workers.startBlocked("receiver", () ->
                assertThrows(ClosedPipeException.class, way.receiver(pipe)::recv,
                        "a blocked recv() must throw once the other end closes"));
        way.sender(pipe).close();
        receiver.join();
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void closingWakesABlockedPollOfThePeer(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(1);
        Worker<Void> poller = workers.startBlocked("poller", () ->
                assertTrue(way.receiver(pipe).poll(NEVER, MS),
                        "a blocked poll must return true once the other end closes: recv() would throw at once"));
        way.sender(pipe).close();
        poller.join();
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void closingWakesABlockedSenderOfThePeer(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(1);
        way.sender(pipe).send("fills the buffer");
        Worker<Void> sender = workers.startBlocked("sender", () ->
                assertThrows(ClosedPipeException.class, () -> way.sender(pipe).send("blocked"),
                        "a blocked send() must throw once the receiving end closes"));
        way.receiver(pipe).close();
        sender.join();
    }

    // ---------------------------------------------------------------- interrupts

    @ParameterizedTest
    @EnumSource(Direction.class)
    void blockingCallsThrowWhenInterruptedOnEntryAndChangeNothing(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(1);
        Connection<String> sender = way.sender(pipe);
        Connection<String> receiver = way.receiver(pipe);
        assertInterruptedOnEntry("recv() with nothing there", receiver::recv);
        assertInterruptedOnEntry("poll(timeout)", () -> receiver.poll(NEVER, MS));
        assertInterruptedOnEntry("poll(0)", () -> receiver.poll(0, MS));
        assertInterruptedOnEntry("send() with room", () -> sender.send("interrupted"));
        assertFalse(receiver.poll(0, MS), "an interrupted send() must not deliver its message");
        sender.send("kept");
        assertInterruptedOnEntry("recv() with a message there", receiver::recv);
        assertEquals("kept", receiver.recv(), "an interrupted recv() must not take the message");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void recvThrowsWhenInterruptedWhileWaiting(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(1);
        assertInterruptedWhileWaiting("recv()", way.receiver(pipe)::recv);
        assertInterruptedWhileWaiting("poll(timeout)", () -> way.receiver(pipe).poll(NEVER, MS));
        way.sender(pipe).send("later");
        assertEquals("later", way.receiver(pipe).recv(), "the interrupted receiver must not take a later message");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void sendThrowsWhenInterruptedWhileWaitingAndDeliversNothing(Direction way) throws Exception {
        Pipe<String> pipe = primitives.pipe(1);
        way.sender(pipe).send("first");
        assertInterruptedWhileWaiting("send()", () -> way.sender(pipe).send("interrupted"));
        assertEquals("first", way.receiver(pipe).recv());
        assertFalse(way.receiver(pipe).poll(0, MS), "the interrupted send() must not deliver its message");
    }
}
