package dev.interleave.stress.broken.fixed;

import dev.interleave.primitives.Lock;
import dev.interleave.primitives.reference.ReferencePrimitives;

/**
 * What the course gives a student for the second layer of the homework: a correct lock and its
 * conditions (the reference's). The fixed events, queues, barriers, pipes and timers are built
 * on it, so their broken variants have no bug but their own.
 */
final class Given {
    private static final ReferencePrimitives REFERENCE = new ReferencePrimitives();

    private Given() {}

    static Lock lock() {
        return REFERENCE.lock();
    }
}
