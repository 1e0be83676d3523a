package dev.interleave.primitives.reference.sync;

/**
 * Python's {@code queue.ShutDown}: thrown by a {@link GuardedQueue} that was
 * {@link GuardedQueue#shutdown(boolean) shut down}, to a thread that puts an item, and to a thread
 * that takes one once nothing is left.
 */
public class QueueShutDownException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public QueueShutDownException(String message) {
        super(message);
    }
}
