package dev.interleave.stress.jcstress;

/**
 * What the queue and pipe tests hand from one task to another: an object whose
 * {@link #contents} is a plain field, written by the sender just before it puts or sends the
 * parcel. Only the happens-before edge of put→take (send→recv) makes that write visible to the
 * receiver.
 */
final class Parcel {
    /** What the sender writes into the parcel: the value every test expects to arrive. */
    static final int CONTENTS = 42;

    /** Where the parcel goes in a priority queue; final, so it is visible without any edge. */
    final int order;

    /** Plain, written once by the sender before it hands the parcel on. */
    int contents;

    Parcel(int order) {
        this.order = order;
    }

    /** A sender's parcel: made, filled, ready to hand on. */
    static Parcel filled() {
        Parcel parcel = new Parcel(0);
        parcel.contents = CONTENTS;
        return parcel;
    }
}
