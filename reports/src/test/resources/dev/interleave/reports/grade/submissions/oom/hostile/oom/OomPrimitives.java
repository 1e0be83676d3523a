package hostile.oom;

import dev.interleave.primitives.Lock;
import fixture.Unimplemented;
import java.util.ArrayList;
import java.util.List;

// Attack: lock() allocates until OutOfMemoryError and keeps it all reachable from a static list.
public class OomPrimitives extends Unimplemented {
    private static final List<long[]> HOARD = new ArrayList<>();

    public OomPrimitives() {}

    @Override
    public Lock lock() {
        while (true) {
            HOARD.add(new long[1 << 20]);
        }
    }
}
