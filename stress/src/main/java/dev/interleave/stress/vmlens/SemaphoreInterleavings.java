package dev.interleave.stress.vmlens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Semaphore;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every interleaving of a semaphore hand-off: a semaphore with no permit; one thread writes a
 * message, then releases; the other acquires, then reads the message.
 */
@InterleaveTest
@DisplayName("vmlens: semaphore hand-off")
public class SemaphoreInterleavings {
    private final Primitives primitives = ImplementationUnderTest.primitives();

    /** A plain field: only the semaphore orders the releaser's write and the acquirer's read. */
    static final class Message {
        int text;
    }

    @Test
    @DisplayName("the acquirer reads the message written before release(), and nothing races")
    void acquirerReadsTheMessageWrittenBeforeRelease() throws Throwable {
        Interleavings.explore("Semaphore hand-off", () -> {
            Semaphore semaphore = primitives.semaphore(0);
            Message message = new Message();
            Party releaser = Party.start("releaser", () -> {
                message.text = 42;
                semaphore.release();
            });
            semaphore.acquire();
            int read = message.text;
            releaser.finish();
            assertEquals(42, read, "acquire() returned, but the message written before release() is not visible");
            assertEquals(0, semaphore.availablePermits(), "the one permit released was taken, yet a permit is left");
        });
    }
}
