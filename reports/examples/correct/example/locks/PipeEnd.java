package example.locks;

import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Connection;
import dev.interleave.primitives.Pipe;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One end of a pipe. Both ends share one lock; each end has an inbox (what the other end sent to
 * it, at most {@code capacity} messages) and two conditions: {@code arrived} (a message or a
 * close, for its receivers and pollers) and {@code roomMade} (room in its inbox or a close, for
 * the peer's senders). Closing an end wakes everyone who waits at either end.
 */
final class PipeEnd<T> implements Connection<T> {
    private final ReentrantLock lock;
    private final Condition arrived;
    private final Condition roomMade;
    private final int capacity;
    private final ArrayDeque<T> inbox = new ArrayDeque<>();   // guarded by lock
    private PipeEnd<T> peer;                                  // set once, before the pipe is shared
    private boolean closed;                                   // guarded by lock

    private PipeEnd(ReentrantLock lock, int capacity) {
        this.lock = lock;
        this.arrived = lock.newCondition();
        this.roomMade = lock.newCondition();
        this.capacity = capacity;
    }

    static <T> Pipe<T> pipe(int capacity) {
        ReentrantLock lock = new ReentrantLock();
        PipeEnd<T> left = new PipeEnd<>(lock, capacity);
        PipeEnd<T> right = new PipeEnd<>(lock, capacity);
        left.peer = right;
        right.peer = left;
        return new Pipe<>(left, right);
    }

    @Override
    public void send(T message) throws InterruptedException {
        Objects.requireNonNull(message, "message");
        lock.lockInterruptibly();
        try {
            while (true) {
                if (closed || peer.closed) {
                    throw new ClosedPipeException(closed ? "send() on a closed end" : "send() to an end that was closed");
                }
                if (peer.inbox.size() < capacity) {
                    peer.inbox.add(message);
                    peer.arrived.signalAll();   // receivers and pollers both wait there
                    return;
                }
                peer.roomMade.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public T recv() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (closed) {
                    throw new ClosedPipeException("recv() on a closed end");
                }
                if (!inbox.isEmpty()) {
                    T message = inbox.remove();
                    roomMade.signal();
                    return message;
                }
                if (peer.closed) {
                    throw new ClosedPipeException("recv() after the other end was closed, with nothing left");
                }
                arrived.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (!closed && inbox.isEmpty() && !peer.closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = arrived.awaitNanos(nanos);
            }
            return true;   // recv() would return or throw at once
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            inbox.clear();   // nobody may receive it any more
            arrived.signalAll();
            roomMade.signalAll();
            peer.arrived.signalAll();
            peer.roomMade.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
