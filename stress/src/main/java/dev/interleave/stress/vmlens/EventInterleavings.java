package dev.interleave.stress.vmlens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Event;
import dev.interleave.primitives.Primitives;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every interleaving of an event hand-off: one thread writes a result, then sets the event; the
 * other waits for the event, then reads the result.
 */
@InterleaveTest
@DisplayName("vmlens: event set and await")
public class EventInterleavings {
    private final Primitives primitives = ImplementationUnderTest.primitives();

    /** A plain field: only the event orders the setter's write and the waiter's read. */
    static final class Result {
        int value;
    }

    @Test
    @DisplayName("the waiter reads the result written before set(), and nothing races")
    void waiterReadsTheResultWrittenBeforeSet() throws Throwable {
        Interleavings.explore("Event set/await", () -> {
            Event done = primitives.event();
            Result result = new Result();
            Party setter = Party.start("setter", () -> {
                result.value = 42;
                done.set();
            });
            done.await();
            int seen = result.value;
            boolean stillSet = done.isSet();
            setter.finish();
            assertEquals(42, seen, "await() returned, but the result written before set() is not visible");
            assertTrue(stillSet, "await() returned, but isSet() is false and nobody cleared the event");
        });
    }
}
