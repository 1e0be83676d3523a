package dev.interleave.primitives.reference;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Connection;
import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.reference.pipe.QueuePipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quick checks of the layer-3 reference pipe; the conformance suite lives in the stress module. */
class PipeLayerTest {
    private static final long LONG = Spawned.TIMEOUT_MS;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void eachDirectionDeliversInOrder() throws Exception {
        Pipe<String> pipe = QueuePipe.create(2);
        Connection<String> left = pipe.left();
        Connection<String> right = pipe.right();
        left.send("a");
        left.send("b");
        right.send("x");
        assertEquals("a", right.recv());
        assertEquals("b", right.recv());
        assertEquals("x", left.recv());
        assertFalse(left.poll(0, MILLISECONDS));
    }

    @Test
    void bothDirectionsCarryAStreamAtOnceInOrder() throws Exception {
        Pipe<Integer> pipe = QueuePipe.create(3);
        int count = 5_000;
        Spawned<Void> leftSender = Spawned.run(() -> {
            for (int i = 0; i < count; i++) {
                pipe.left().send(i);
            }
        });
        Spawned<Void> rightSender = Spawned.run(() -> {
            for (int i = 0; i < count; i++) {
                pipe.right().send(-i);
            }
        });
        for (int i = 0; i < count; i++) {
            assertEquals(i, pipe.right().recv());
            assertEquals(-i, pipe.left().recv());
        }
        leftSender.join();
        rightSender.join();
        pipe.left().close();
        assertThrows(ClosedPipeException.class, pipe.right()::recv);
    }

    @Test
    void senderBlocksWhileTheOtherBufferIsFull() throws Exception {
        Pipe<String> pipe = QueuePipe.create(1);
        pipe.left().send("a");
        Spawned<Void> sender = Spawned.run(() -> pipe.left().send("b")).awaitBlocked();
        assertEquals("a", pipe.right().recv());
        sender.join();
        assertEquals("b", pipe.right().recv());
    }

    @Test
    void closeLetsThePeerDrainThenFails() throws Exception {
        Pipe<String> pipe = QueuePipe.create(2);
        pipe.left().send("a");
        pipe.left().close();
        pipe.left().close();
        assertTrue(pipe.right().poll(0, MILLISECONDS));
        assertEquals("a", pipe.right().recv());
        assertTrue(pipe.right().poll(0, MILLISECONDS));
        assertThrows(ClosedPipeException.class, pipe.right()::recv);
        assertThrows(ClosedPipeException.class, () -> pipe.right().send("b"));
        assertThrows(ClosedPipeException.class, () -> pipe.left().send("c"));
    }

    @Test
    void recvOnOwnClosedEndFailsEvenWithMessagesLeft() throws Exception {
        Pipe<String> pipe = QueuePipe.create(2);
        pipe.left().send("a");
        pipe.right().close();
        assertTrue(pipe.right().poll(0, MILLISECONDS));
        assertThrows(ClosedPipeException.class, pipe.right()::recv);
    }

    @Test
    void peerCloseWakesBlockedSenderAndReceiver() throws Exception {
        Pipe<String> pipe = QueuePipe.create(1);
        pipe.left().send("a");
        Spawned<Void> sender = Spawned.run(() -> pipe.left().send("b")).awaitBlocked();
        Spawned<String> receiver = Spawned.start(pipe.left()::recv).awaitBlocked();
        Spawned<Boolean> poller = Spawned.start(() -> pipe.left().poll(LONG, MILLISECONDS)).awaitBlocked();
        pipe.right().close();
        assertInstanceOf(ClosedPipeException.class, sender.joinFailure());
        assertInstanceOf(ClosedPipeException.class, receiver.joinFailure());
        assertTrue(poller.join());
    }

    @Test
    void ownCloseWakesBlockedSender() throws Exception {
        Pipe<String> pipe = QueuePipe.create(1);
        pipe.left().send("a");
        Spawned<Void> sender = Spawned.run(() -> pipe.left().send("b")).awaitBlocked();
        pipe.left().close();
        assertInstanceOf(ClosedPipeException.class, sender.joinFailure());
        assertEquals("a", pipe.right().recv());
    }

    @Test
    void pipeRefusesBadCapacityNullMessagesAndInterruptedCallers() {
        assertThrows(IllegalArgumentException.class, () -> QueuePipe.create(0));
        Pipe<String> pipe = QueuePipe.create(1);
        assertThrows(NullPointerException.class, () -> pipe.left().send(null));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> pipe.left().send("a"));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> pipe.left().poll(0, MILLISECONDS));
    }
}
