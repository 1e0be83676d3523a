package dev.interleave.stress.independent;

import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Connection;
import dev.interleave.primitives.Pipe;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A duplex pipe: two ends sharing one monitor, each with its own inbox of at most
 * {@code capacity} messages. Closing either end wakes every thread blocked on the pipe.
 */
final class MonitorPipe<T> {
    private final Object monitor = new Object();
    private final int capacity;
    private final End left = new End("left");
    private final End right = new End("right");

    MonitorPipe(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
    }

    Pipe<T> ends() {
        return new Pipe<>(left, right);
    }

    private final class End implements Connection<T> {
        private final String name;
        private final ArrayDeque<T> inbox = new ArrayDeque<>(); // guarded by monitor: messages for this end
        private boolean closed; // guarded by monitor

        End(String name) {
            this.name = name;
        }

        private End peer() {
            return this == left ? right : left;
        }

        /** Caller holds monitor. Would recv return or throw at once? */
        private boolean ready() {
            return closed || !inbox.isEmpty() || peer().closed;
        }

        @Override
        public void send(T message) throws InterruptedException {
            Objects.requireNonNull(message, "message");
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            End peer = peer();
            synchronized (monitor) {
                for (;;) {
                    if (closed) {
                        throw new ClosedPipeException("the " + name + " end is closed");
                    }
                    if (peer.closed) {
                        throw new ClosedPipeException("the " + peer.name + " end (the receiver) is closed");
                    }
                    if (peer.inbox.size() < capacity) {
                        break;
                    }
                    monitor.wait();
                }
                peer.inbox.addLast(message);
                monitor.notifyAll();
            }
        }

        @Override
        public T recv() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (monitor) {
                for (;;) {
                    if (closed) {
                        throw new ClosedPipeException("the " + name + " end is closed");
                    }
                    if (!inbox.isEmpty()) {
                        T message = inbox.pollFirst();
                        monitor.notifyAll();
                        return message;
                    }
                    if (peer().closed) {
                        throw new ClosedPipeException("the " + peer().name + " end (the sender) is closed and nothing is left");
                    }
                    monitor.wait();
                }
            }
        }

        @Override
        public boolean poll(long timeout, TimeUnit unit) throws InterruptedException {
            long nanos = unit.toNanos(timeout);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (monitor) {
                if (ready() || nanos <= 0) {
                    return ready();
                }
                long deadline = System.nanoTime() + nanos;
                while (!ready()) {
                    long left = Waits.remaining(deadline);
                    if (left <= 0) {
                        return false;
                    }
                    Waits.waitNanos(monitor, left);
                }
                return true;
            }
        }

        @Override
        public void close() {
            synchronized (monitor) {
                if (!closed) {
                    closed = true;
                    inbox.clear(); // nobody can receive them any more
                    monitor.notifyAll();
                }
            }
        }

        @Override
        public String toString() {
            return "Connection[" + name + "]";
        }
    }
}
