package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Connection;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Pipe;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A pipe as a student writes it once the lecture's bugs are fixed: one lock for the whole pipe,
 * and for each direction a bounded buffer with its two conditions. Closing an end wakes every
 * thread that waits on the pipe, so a blocked sender or receiver looks again and finds the end
 * closed.
 *
 * <p>The broken pipe variants extend this class and break one method each. Both ends of a pipe
 * are the same object's two sides: {@code left} is true for the left end.
 *
 * @param <T> the messages
 */
public class FixedPipe<T> {
    /** One direction: the buffer of messages on their way, and who waits on it. */
    protected final class Direction {
        public final Deque<T> buffer = new ArrayDeque<>();   // guarded by lock
        public final Condition notEmpty = lock.newCondition();
        public final Condition notFull = lock.newCondition();
    }

    protected final Lock lock = Given.lock();
    protected final int capacity;
    protected final Direction leftToRight = new Direction();
    protected final Direction rightToLeft = new Direction();
    protected boolean leftClosed;    // guarded by lock
    protected boolean rightClosed;   // guarded by lock

    public FixedPipe(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** The two ends. */
    public Pipe<T> ends() {
        return new Pipe<>(new End(true), new End(false));
    }

    protected Direction outOf(boolean left) {
        return left ? leftToRight : rightToLeft;
    }

    protected Direction into(boolean left) {
        return left ? rightToLeft : leftToRight;
    }

    protected boolean closed(boolean left) {
        return left ? leftClosed : rightClosed;
    }

    /** Sends from the {@code left} (or right) end: waits for room; throws once either end is closed. */
    protected void send(boolean left, T message) throws InterruptedException {
        Objects.requireNonNull(message, "a pipe message must not be null");
        lock.acquireInterruptibly();
        try {
            Direction out = outOf(left);
            while (!closed(left) && !closed(!left) && out.buffer.size() >= capacity) {
                out.notFull.await();
            }
            if (closed(left) || closed(!left)) {
                throw new ClosedPipeException("send on a closed pipe end, or to an end that is closed");
            }
            deliver(out, message);
        } finally {
            lock.release();
        }
    }

    /** Puts a message into the buffer of its direction, behind the ones already there, and wakes a receiver. */
    protected void deliver(Direction out, T message) {
        out.buffer.addLast(message);
        out.notEmpty.signal();
    }

    /** Receives at the {@code left} (or right) end: waits for a message; throws when none can come. */
    protected T recv(boolean left) throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            Direction in = into(left);
            while (!closed(left) && in.buffer.isEmpty() && !closed(!left)) {
                in.notEmpty.await();
            }
            if (closed(left) || in.buffer.isEmpty()) {
                throw new ClosedPipeException("recv on a closed pipe end, or with nothing left from a closed one");
            }
            T message = in.buffer.pollFirst();
            in.notFull.signal();
            return message;
        } finally {
            lock.release();
        }
    }

    /** Whether recv at that end would return or throw at once, waiting for that at most the timeout. */
    protected boolean poll(boolean left, long timeout, TimeUnit unit) throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            Direction in = into(left);
            return in.notEmpty.awaitUntil(() -> closed(left) || closed(!left) || !in.buffer.isEmpty(), timeout, unit);
        } finally {
            lock.release();
        }
    }

    /** Closes an end: its buffer is dropped, and everybody who waits on the pipe is woken to look again. */
    protected void close(boolean left) {
        lock.acquire();
        try {
            if (left) {
                leftClosed = true;
            } else {
                rightClosed = true;
            }
            into(left).buffer.clear();
            for (Direction direction : java.util.List.of(leftToRight, rightToLeft)) {
                direction.notEmpty.signalAll();
                direction.notFull.signalAll();
            }
        } finally {
            lock.release();
        }
    }

    /** One end of the pipe. */
    protected final class End implements Connection<T> {
        private final boolean left;

        End(boolean left) {
            this.left = left;
        }

        @Override
        public void send(T message) throws InterruptedException {
            FixedPipe.this.send(left, message);
        }

        @Override
        public T recv() throws InterruptedException {
            return FixedPipe.this.recv(left);
        }

        @Override
        public boolean poll(long timeout, TimeUnit unit) throws InterruptedException {
            return FixedPipe.this.poll(left, timeout, unit);
        }

        @Override
        public void close() {
            FixedPipe.this.close(left);
        }
    }
}
