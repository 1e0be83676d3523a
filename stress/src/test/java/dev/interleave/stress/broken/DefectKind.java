package dev.interleave.stress.broken;

/** What kind of mistake a broken variant makes, in the words of the lecture. */
public enum DefectKind {
    /** Two threads interleave inside what must be one indivisible step: a lost update, two owners. */
    RACE("race condition"),
    /** A thread waits for a wake-up that was sent before it started waiting, or to somebody else. */
    LOST_WAKEUP("lost wake-up"),
    /** Threads wait for each other, or a thread for itself, and none can go on. */
    DEADLOCK("deadlock"),
    /** Threads keep running, or keep waking each other, and none makes progress. */
    LIVELOCK("livelock"),
    /** A waiting thread is overtaken again and again: it may wait for ever though the primitive is free. */
    STARVATION("starvation"),
    /** A write of one thread is never, or only partly, seen by another: a missing happens-before edge. */
    VISIBILITY("visibility"),
    /** A rule of the contract is broken in one thread already: a wrong result, a missing exception. */
    CONTRACT("contract"),
    /** Items or turns come out in the wrong order. */
    ORDER("order");

    private final String words;

    DefectKind(String words) {
        this.words = words;
    }

    /** The kind as the lecture names it. */
    public String words() {
        return words;
    }
}
