package dev.interleave.primitives;

/** Thrown by a {@link Connection} used after it or its peer was closed. */
public class ClosedPipeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClosedPipeException(String message) {
        super(message);
    }
}
