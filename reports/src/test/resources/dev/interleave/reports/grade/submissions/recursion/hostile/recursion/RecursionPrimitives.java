package hostile.recursion;

import dev.interleave.primitives.Lock;
import fixture.Unimplemented;

// Attack: lock() recurses without end (StackOverflowError).
public class RecursionPrimitives extends Unimplemented {
    public RecursionPrimitives() {}

    @Override
    public Lock lock() {
        return deeper(0);
    }

    private Lock deeper(int depth) {
        Lock lock = deeper(depth + 1);
        return lock;
    }
}
