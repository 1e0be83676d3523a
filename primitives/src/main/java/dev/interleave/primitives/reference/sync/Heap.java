package dev.interleave.primitives.reference.sync;

import java.util.ArrayList;
import java.util.Comparator;

/**
 * The priority {@link Storage}: a binary min-heap in an {@link ArrayList}, least item at index 0,
 * children of {@code i} at {@code 2i+1} and {@code 2i+2}.
 *
 * <p>Unlike {@link java.util.PriorityQueue}, whose sift moves items while it compares, both sifts
 * here first find the final slot by comparing only, then move. A comparison that throws (an item
 * that is not {@link Comparable}, or a comparator that refuses a pair) therefore leaves the heap
 * exactly as it was, which is what the queue's "misuse changes nothing" promise needs.
 */
final class Heap<E> extends Storage<E> {
    private final ArrayList<E> items = new ArrayList<>();
    private final Comparator<? super E> order;
    private final boolean natural;

    Heap(Comparator<? super E> order) {
        this.natural = order == null;
        this.order = natural ? Heap::compareNaturally : order;
    }

    @SuppressWarnings("unchecked")
    private static <E> int compareNaturally(E a, E b) {
        return ((Comparable<? super E>) a).compareTo(b);
    }

    @Override
    void admit(E item) {
        if (natural && !(item instanceof Comparable)) {
            throw new ClassCastException(item.getClass().getName()
                    + " is not Comparable: a priority queue without a comparator orders items naturally");
        }
    }

    /** Sift up: the new item rises past every parent greater than it. */
    @Override
    void add(E item) {
        admit(item);
        int slot = items.size();
        while (slot > 0 && order.compare(item, items.get(parent(slot))) < 0) {
            slot = parent(slot);
        }
        items.add(item);
        for (int i = items.size() - 1; i != slot; i = parent(i)) {
            items.set(i, items.get(parent(i)));
        }
        items.set(slot, item);
    }

    /** Sift down: the last item sinks from the root past every smaller child. */
    @Override
    E remove() {
        int last = items.size() - 1;
        E moving = items.get(last);
        int slot = 0;
        for (int child = 1; child < last; child = 2 * slot + 1) {
            if (child + 1 < last && order.compare(items.get(child + 1), items.get(child)) < 0) {
                child++;
            }
            if (order.compare(moving, items.get(child)) <= 0) {
                break;
            }
            slot = child;
        }
        E least = items.get(0);
        for (E carried = moving; ; slot = parent(slot)) {
            carried = items.set(slot, carried);
            if (slot == 0) {
                break;
            }
        }
        items.remove(last);
        return least;
    }

    @Override
    int size() {
        return items.size();
    }

    @Override
    void clear() {
        items.clear();
    }

    private static int parent(int i) {
        return (i - 1) / 2;
    }
}
