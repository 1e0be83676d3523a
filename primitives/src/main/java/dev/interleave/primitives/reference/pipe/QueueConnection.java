package dev.interleave.primitives.reference.pipe;

import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Connection;
import dev.interleave.primitives.reference.sync.GuardedQueue;
import dev.interleave.primitives.reference.sync.QueueShutDownException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One end of a pipe made by {@link QueuePipe}: Python's {@code multiprocessing} {@code Connection}.
 *
 * <p>What one end sends, the other receives, in order. {@code send} waits while the other end's
 * buffer is full, {@code recv} while nothing has arrived. Once an end is closed, sending on it or
 * to it throws {@link ClosedPipeException} (a sender blocked on a full buffer wakes up and
 * throws); receiving on it throws; the other end still receives what was sent before the close,
 * then gets {@link ClosedPipeException}. {@code poll} returns true when {@code recv} would return
 * or throw at once. {@code close} is idempotent. Messages are never {@code null}
 * ({@link NullPointerException}).
 *
 * <p>Fairness: none, as in the underlying queue. Any number of threads may use one end.
 * {@code close} never waits for anything but the queues' locks.
 *
 * <p>Memory consistency: actions of a thread before {@code send} happen-before actions of the
 * thread after the {@code recv} that returns that message.
 *
 * <h2>Implementation note</h2>
 *
 * <p>An end reads from {@code in} and writes to {@code out}; its peer has them the other way
 * round. Closing an end shuts its {@code in} down <i>immediately</i> (what was not received is
 * discarded, so its own {@code recv} throws at once, and the peer's senders fail) and then its
 * {@code out} <i>gracefully</i> (the peer drains it, then fails). The first of these two steps is
 * the linearization point of {@code close}.
 *
 * <p>The two steps are not one atomic action, so during a close the two queues disagree about
 * it for a moment. Two cross-checks make every operation agree with the first step:
 * <ul>
 *   <li>{@code send} fails when {@code in} is shut down (this end, or the peer, closed), not only
 *       when {@code out} is;
 *   <li>{@code poll} is true when {@code out} is shut down (the peer closed), not only when
 *       {@code in} is readable.
 * </ul>
 * NOTE: the race left is benign. A peer's close that has done its first step but not its second
 * can make {@code recv} on an empty {@code in} wait until the second step, which follows at once
 * and then makes it throw; it never returns a wrong result.
 *
 * <p>Linearization points: {@code send} at the queue's put, or where it finds a queue shut
 * down; {@code recv} at the queue's take; {@code poll} where it finds {@code in} readable or
 * {@code out} shut down, or at its last look; {@code close} at the shutdown of {@code in}. One
 * case is subtler: a {@code send} that checked {@code in} before this end's {@code close} began,
 * and puts before the close's second step, linearizes just before that close. Nobody can tell the
 * message arrived late: between the two steps the peer's {@code poll} is already true and its
 * {@code recv} waits for the message or the second step.
 *
 * <p>Fields: {@code in} and {@code out} final; this class has no other state.
 *
 * @param <T> the type of the messages
 */
final class QueueConnection<T> implements Connection<T> {
    private final GuardedQueue<T> in;
    private final GuardedQueue<T> out;

    QueueConnection(GuardedQueue<T> in, GuardedQueue<T> out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public void send(T message) throws InterruptedException {
        Objects.requireNonNull(message, "a pipe message must not be null");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (in.isShutDown()) {
            throw closed("send");
        }
        try {
            out.put(message);
        } catch (QueueShutDownException e) {
            throw closed("send");
        }
    }

    @Override
    public T recv() throws InterruptedException {
        try {
            return in.take();
        } catch (QueueShutDownException e) {
            throw closed("recv");
        }
    }

    @Override
    public boolean poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return out.isShutDown() || in.awaitReadable(timeout, unit) || out.isShutDown();
    }

    @Override
    public void close() {
        in.shutdown(true);
        out.shutdown(false);
    }

    private static ClosedPipeException closed(String operation) {
        return new ClosedPipeException(operation + " on a pipe end that is closed, or whose other end is closed"
                + (operation.equals("recv") ? " with nothing left to receive" : ""));
    }
}
