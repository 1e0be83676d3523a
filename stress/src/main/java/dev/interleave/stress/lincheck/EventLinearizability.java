package dev.interleave.stress.lincheck;

import static dev.interleave.stress.lincheck.Scenario.op;

import dev.interleave.primitives.Event;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * {@code event()} behaves like a flag, one call at a time: {@code set} raises it, {@code clear}
 * lowers it, {@code isSet} and {@code await(0)} read it.
 *
 * <p>Random scenarios use the operations that never wait. The waiting ones ({@code await()}, and
 * under stress {@code await(timeout)}) run in hand-written scenarios (see {@link Scenario}) that end with a
 * {@code set}, so every waiter is let through. A waiter released by a {@code set} returns even if
 * a {@code clear} follows at once (Python's rule): the specification takes the waiter's effect
 * right after the {@code set}, before the {@code clear}.
 */
public class EventLinearizability extends LinearizabilityTest {
    private final Event event = primitives.event();

    @Operation
    public void set() {
        event.set();
    }

    @Operation
    public void clear() {
        event.clear();
    }

    @Operation
    public boolean isSet() {
        return event.isSet();
    }

    @Operation
    public boolean awaitWithoutWaiting() throws InterruptedException {
        return event.await(0, MS);
    }

    // Hand-written scenarios only: these wait.

    public void await() throws InterruptedException {
        event.await();
    }

    public boolean awaitWaiting() throws InterruptedException {
        return event.await(NEVER, MS);
    }

    @Override
    protected <O extends Options<O, ?>> O configure(O options) {
        return options.sequentialSpecification(Sequential.class)
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("await"), op("isSet"))
                        .thread(op("set"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("await"))
                        .thread(op("await"))
                        .thread(op("set"))
                        .build())
                .addCustomScenario(Scenario.of(getClass())
                        .thread(op("await"), op("isSet"))
                        .thread(op("set"), op("clear"), op("set"))
                        .build());
    }

    @Override
    protected List<Scenario> timedScenarios() {
        return List.of(
                Scenario.of(getClass())
                        .thread(op("await"))
                        .thread(op("awaitWaiting"))
                        .thread(op("set")),
                Scenario.of(getClass())
                        .thread(op("awaitWaiting"), op("isSet"))
                        .thread(op("set"), op("clear"), op("set")));
    }

    /** A flag, one call at a time. */
    public static class Sequential {
        private boolean flag;

        public void set() {
            flag = true;
        }

        public void clear() {
            flag = false;
        }

        public boolean isSet() {
            return flag;
        }

        public boolean awaitWithoutWaiting() {
            return flag;
        }

        public void await() {
            if (!flag) {
                throw new WouldBlock();
            }
        }

        public boolean awaitWaiting() {
            await();
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sequential that && flag == that.flag;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(flag);
        }
    }
}
