package dev.interleave.stress.lincheck;

/**
 * Thrown by a sequential specification where the real operation would wait: a {@code take} on an
 * empty queue, an {@code acquire} of a held lock. No real operation ever returns it, so Lincheck
 * rejects every order of the operations that makes a waiting operation take effect while it still
 * has to wait, and accepts the orders in which it takes effect once it was let through.
 */
public final class WouldBlock extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WouldBlock() {
        super(null, null, false, false);
    }
}
