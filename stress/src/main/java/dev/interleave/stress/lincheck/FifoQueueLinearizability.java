package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Queue;

/** {@code fifoQueue(2)}: the first item in is the first out. See {@link QueueLinearizability}. */
public class FifoQueueLinearizability extends QueueLinearizability {
    @Override
    protected Queue<Integer> newQueue() {
        return primitives.fifoQueue(CAPACITY);
    }

    @Override
    protected Class<? extends QueueLinearizability.Sequential> sequential() {
        return Sequential.class;
    }

    /** First in, first out. */
    public static class Sequential extends QueueLinearizability.Sequential {
        @Override
        protected int next() {
            return 0;
        }
    }
}
