package dev.interleave.stress.broken;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Queue;
import dev.interleave.stress.broken.fixed.FixedQueue;

/**
 * {@code fifoQueue(capacity)} with one condition for "not empty" and "not full", and
 * {@code signal()} to wake one waiter of it.
 *
 * <p>Takers and putters now wait in one line. A taker takes the last item and signals, meaning
 * "there is room"; the signal wakes the first in line, which is another taker: it finds the
 * queue empty and waits again. The putter that could have gone on is never woken: with capacity
 * 1, two takers and one producer end with everybody waiting and nobody to wake them.
 *
 * <p>The fix ({@link FixedQueue}): one condition per predicate ({@code notEmpty},
 * {@code notFull}), so that a signal always wakes a thread that can use it. ({@code signalAll()}
 * on one condition would also be correct, and slower.)
 */
@Defect(kind = DefectKind.LOST_WAKEUP, primitive = Part.FIFO_QUEUE,
        what = "one condition for both 'not empty' and 'not full', woken with signal(): a signal can wake the wrong kind of waiter",
        exposedBy = "capacity 1; two takers wait, a putter puts twice: the taker's 'room' signal wakes the other taker, not the putter")
public final class BrokenFifoQueue_OneConditionForBoth extends BrokenPrimitives {
    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        return new OneLineQueue<>(capacity);
    }

    static final class OneLineQueue<E> extends FixedQueue<E> {
        OneLineQueue(int capacity) {
            super(capacity, new java.util.ArrayDeque<>());
        }

        @Override
        protected Condition conditionForRoom() {
            return notEmpty;   // BUG: "something changed" -- putters and takers wait on the same condition
        }
    }
}
