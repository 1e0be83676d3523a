package dev.interleave.primitives.reference.pipe;

import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.reference.sync.GuardedQueue;

/**
 * Makes {@link Pipe}s: Python's {@code multiprocessing.Pipe(duplex=True)}, over two FIFO
 * {@link GuardedQueue}s, one per direction.
 *
 * <pre>
 *            left.send --&gt; [ leftToRight ] --&gt; right.recv
 *   left                                                  right
 *            left.recv &lt;-- [ rightToLeft ] &lt;-- right.send
 * </pre>
 *
 * See {@link QueueConnection} for how the ends behave and close.
 */
public final class QueuePipe {
    private QueuePipe() {}

    /**
     * A new pipe whose two directions each buffer up to {@code capacity} messages.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public static <T> Pipe<T> create(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        GuardedQueue<T> leftToRight = GuardedQueue.fifo(capacity);
        GuardedQueue<T> rightToLeft = GuardedQueue.fifo(capacity);
        return new Pipe<>(new QueueConnection<>(rightToLeft, leftToRight),
                new QueueConnection<>(leftToRight, rightToLeft));
    }
}
