package dev.interleave.stress.harness;

/**
 * A bounded wait of the harness ran out: something that must eventually happen did not. The
 * message says what was awaited and ends with a dump of all threads, taken when the bound ran out.
 */
public final class HangError extends AssertionError {
    private static final long serialVersionUID = 1L;

    public HangError(String what) {
        super(what + "\n\n" + ThreadDump.allThreads());
    }
}
