package dev.interleave.stress.harness;

/**
 * The implementation under test does not implement a method it was asked for (it threw
 * {@link UnsupportedOperationException}). The message is {@code "not implemented: <method>"}.
 */
public final class NotImplementedError extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String method;

    public NotImplementedError(String method, UnsupportedOperationException cause) {
        super("not implemented: " + method, cause);
        this.method = method;
    }

    /** The method that is not implemented, e.g. {@code fifoQueue()}. */
    public String method() {
        return method;
    }
}
