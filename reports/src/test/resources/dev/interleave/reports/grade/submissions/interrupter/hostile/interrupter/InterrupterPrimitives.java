package hostile.interrupter;

import dev.interleave.primitives.Lock;
import fixture.NoLock;
import fixture.Unimplemented;

// Attack: lock() interrupts and Thread.stop()s every other live thread, then returns a lock that does nothing.
@SuppressWarnings({"deprecation", "removal"})   // Thread.stop() is the point
public class InterrupterPrimitives extends Unimplemented {
    public InterrupterPrimitives() {}

    @Override
    public Lock lock() {
        for (Thread other : Thread.getAllStackTraces().keySet()) {
            if (other == Thread.currentThread()) {
                continue;
            }
            try {
                other.interrupt();
            } catch (Throwable refused) {
                // go on with stop()
            }
            try {
                other.stop();
            } catch (Throwable refused) {
                // go on with the next thread
            }
        }
        return new NoLock();
    }
}
