package hostile.halt;

import dev.interleave.primitives.Lock;
import fixture.Unimplemented;

// Attack: lock() ends the JVM with Runtime.getRuntime().halt(0): no shutdown hooks, no flush.
public class HaltPrimitives extends Unimplemented {
    public HaltPrimitives() {}

    @Override
    public Lock lock() {
        Runtime.getRuntime().halt(0);
        throw new AssertionError("still running after halt(0)");
    }
}
