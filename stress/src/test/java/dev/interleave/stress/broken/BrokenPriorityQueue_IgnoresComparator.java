package dev.interleave.stress.broken;

import dev.interleave.primitives.Queue;
import dev.interleave.stress.broken.fixed.FixedQueue;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * {@code priorityQueue(capacity, order)} that orders its items naturally, whatever comparator
 * it was given.
 *
 * <p>The comparator is accepted and never passed on to the heap: a queue created with
 * {@code reverseOrder()} hands out the smallest item first, and one whose items are not
 * {@code Comparable} fails on the second put.
 *
 * <p>The fix ({@link FixedQueue#priority}): {@code new PriorityQueue<>(order)}.
 */
@Defect(kind = DefectKind.ORDER, primitive = Part.PRIORITY_QUEUE,
        what = "the priority queue's heap is made without the comparator: items come out in natural order",
        exposedBy = "a queue made with a comparator that is not the natural order")
public final class BrokenPriorityQueue_IgnoresComparator extends BrokenPrimitives {
    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        return new NaturalPriorityQueue<>(capacity);
    }

    static final class NaturalPriorityQueue<E> extends FixedQueue<E> {
        NaturalPriorityQueue(int capacity) {
            super(capacity, new PriorityQueue<>());   // BUG: the comparator is dropped
        }
    }
}
