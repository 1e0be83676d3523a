package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Queue;

/** {@code lifoQueue(2)}: the last item in is the first out. See {@link QueueLinearizability}. */
public class LifoQueueLinearizability extends QueueLinearizability {
    @Override
    protected Queue<Integer> newQueue() {
        return primitives.lifoQueue(CAPACITY);
    }

    @Override
    protected Class<? extends QueueLinearizability.Sequential> sequential() {
        return Sequential.class;
    }

    /** Last in, first out. */
    public static class Sequential extends QueueLinearizability.Sequential {
        @Override
        protected int next() {
            return items.size() - 1;
        }
    }
}
