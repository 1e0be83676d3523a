package hostile.spin;

import dev.interleave.primitives.Lock;
import fixture.Unimplemented;

// Attack: lock() spins forever on the CPU and swallows every interrupt.
public class SpinPrimitives extends Unimplemented {
    public SpinPrimitives() {}

    @Override
    public Lock lock() {
        while (true) {
            Thread.interrupted();
        }
    }
}
