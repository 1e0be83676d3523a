package hostile.exit;

import dev.interleave.primitives.Lock;
import fixture.Unimplemented;

// Attack: lock() ends the JVM with System.exit(0).
public class ExitPrimitives extends Unimplemented {
    public ExitPrimitives() {}

    @Override
    public Lock lock() {
        System.exit(0);
        throw new AssertionError("still running after System.exit(0)");
    }
}
