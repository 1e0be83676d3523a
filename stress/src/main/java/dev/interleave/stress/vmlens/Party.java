package dev.interleave.stress.vmlens;

import dev.interleave.stress.harness.CheckedRunnable;

/**
 * The other thread of a scenario run. It is started and joined within the run, so vmlens
 * explores it; whatever it throws is rethrown by {@link #finish()} in the thread that started
 * it. Deliberately bare (a thread and one field): everything a scenario run touches becomes
 * part of what vmlens explores.
 */
public final class Party {
    private final Thread thread;
    private Throwable failure; // written by the thread before it ends, read after join

    private Party(String name, CheckedRunnable body) {
        thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts a thread named {@code name} (the name the vmlens report shows) running {@code body}. */
    public static Party start(String name, CheckedRunnable body) {
        Party party = new Party(name, body);
        party.thread.start();
        return party;
    }

    /** Waits for the thread to end, and fails if it failed. */
    public void finish() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new AssertionError("the " + thread.getName() + " thread failed: " + failure, failure);
        }
    }
}
