package dev.interleave.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import java.util.Comparator;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/*
    Two tasks put and take at once: no item is lost, none is taken twice.

    A priority queue with room for two, smallest item first. Each task puts its own item (1 or
    2), then takes one item. Each take comes after its own task's put, so it always finds an
    item; which of the two it gets depends on the interleaving. Afterwards both items are gone:
    size() is 0.

    A race condition inside the queue shows as an item taken twice (both tasks read the same
    head before either moved it), as an item lost (a take found the queue empty, 0, because
    one put overwrote the other's slot), or as a wrong count.

    How to run only this test:
        mvn -pl stress verify -Djcstress.filter=PriorityQueue_02
*/
@JCStressTest
@Description("priorityQueue(): two tasks each put one item and take one; no item is lost or taken twice.")
@Outcome(id = {"1, 2, 0", "2, 1, 0"}, expect = ACCEPTABLE,
        desc = "Each task took exactly one of the two items, and the queue is empty.")
@Outcome(id = {"1, 1, .*", "2, 2, .*"}, expect = FORBIDDEN,
        desc = "An item was taken twice: both tasks took it before either removed it.")
@Outcome(id = {"0, .*", ".*, 0, .*"}, expect = FORBIDDEN,
        desc = "A task found the queue empty although an item was in it: an item was lost.")
@Outcome(expect = FORBIDDEN,
        desc = "The items do not add up: size() is not 0 after both took, or offer() was refused with room to spare.")
@State
public class PriorityQueue_02_NoItemLostOrTakenTwice {
    private static final int REFUSED = -2;

    private final Queue<Integer> queue = Primitives.load().priorityQueue(2, Comparator.naturalOrder());

    @Actor
    public void first(III_Result r) {
        r.r1 = putThenTake(1);
    }

    @Actor
    public void second(III_Result r) {
        r.r2 = putThenTake(2);
    }

    @Arbiter
    public void left(III_Result r) {
        r.r3 = queue.size();
    }

    private int putThenTake(int item) {
        if (!queue.offer(item)) {
            return REFUSED;
        }
        Integer taken = queue.poll();
        return taken == null ? 0 : taken;
    }
}
