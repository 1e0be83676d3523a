package dev.interleave.stress.vmlens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every interleaving of a producer and a consumer passing two parcels through a FIFO queue of
 * capacity 1, so the producer also has to wait for room.
 */
@InterleaveTest
@DisplayName("vmlens: producer and consumer through a FIFO queue")
public class QueueInterleavings {
    private final Primitives primitives = ImplementationUnderTest.primitives();

    /** A plain field, filled in by the producer before the put and read by the consumer after the take. */
    static final class Parcel {
        int contents;

        Parcel(int contents) {
            this.contents = contents;
        }
    }

    @Test
    @DisplayName("both parcels arrive, in order, with their contents, and nothing races")
    void bothParcelsArriveInOrderWithTheirContents() throws Throwable {
        Interleavings.explore("Producer/consumer, two parcels through fifoQueue(1)", () -> {
            Queue<Parcel> queue = primitives.fifoQueue(1);
            Party producer = Party.start("producer", () -> {
                queue.put(new Parcel(1));
                queue.put(new Parcel(2));
            });
            Parcel first = queue.take();
            Parcel second = queue.take();
            producer.finish();
            assertEquals(1, first.contents, "the first parcel taken is not the first one put (or it lost its contents)");
            assertEquals(2, second.contents, "the second parcel taken is not the second one put (or it lost its contents)");
            assertTrue(queue.isEmpty(), "the queue still holds a parcel after both were taken");
        });
    }
}
