package dev.interleave.stress.vmlens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Primitives;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every interleaving of a condition hand-off: one thread posts a letter under the lock and
 * signals; the other waits for it in a {@code while} loop under the same lock and reads it.
 */
@InterleaveTest
@DisplayName("vmlens: condition hand-off")
public class ConditionInterleavings {
    private final Primitives primitives = ImplementationUnderTest.primitives();

    /** Plain fields: only the lock orders the signaller's writes and the waiter's reads. */
    static final class Mailbox {
        int letter;
        boolean posted;
    }

    @Test
    @DisplayName("the waiter reads the letter posted before the signal, and nothing races")
    void waiterReadsTheLetterPostedBeforeTheSignal() throws Throwable {
        Interleavings.explore("Condition hand-off", () -> {
            Lock lock = primitives.lock();
            Condition posted = lock.newCondition();
            Mailbox box = new Mailbox();
            Party signaller = Party.start("signaller", () -> {
                lock.acquire();
                try {
                    box.letter = 42;
                    box.posted = true;
                    posted.signal();
                } finally {
                    lock.release();
                }
            });
            int letter;
            lock.acquire();
            try {
                while (!box.posted) {
                    posted.await();
                }
                letter = box.letter;
            } finally {
                lock.release();
            }
            signaller.finish();
            assertEquals(42, letter, "the waiter woke up but read a letter that was not posted");
        });
    }
}
