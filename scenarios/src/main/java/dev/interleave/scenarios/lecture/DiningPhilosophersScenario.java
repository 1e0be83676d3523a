package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Lock;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 8 of the lecture, deadlock (slides 33 and 34), at a round table: {@value #PHILOSOPHERS}
 * philosophers, one fork between each two, each needs both forks next to it to eat.
 *
 * <ul>
 *   <li>Broken: every philosopher picks up the left fork first, then the right one. When each
 *       has just picked up the left fork, each waits for the right one, which the neighbour
 *       holds: the tasks wait cyclically for each other, all the way round the table.
 *   <li>Fix: a global order on the forks, as for Lock 1 and Lock 2: every philosopher picks up
 *       the lower-numbered of the two forks first (so the last one picks up the right fork
 *       first), and no schedule deadlocks: the cycle cannot close.
 * </ul>
 */
@InterleaveTest
@DisplayName("8. Deadlock: dining philosophers")
public class DiningPhilosophersScenario {
    static final Case CASE = new Case("dining-philosophers", "8. Deadlock: dining philosophers");

    /** How many philosophers sit at the table. */
    static final int PHILOSOPHERS = 3;

    /**
     * Philosopher i's left fork is Fork i, the right one Fork i+1 (the last philosopher's right
     * fork is Fork 1).
     */
    static void program(Setup s, boolean ordered) {
        Lock[] forks = new Lock[PHILOSOPHERS + 1];
        for (int i = 1; i <= PHILOSOPHERS; i++) {
            forks[i] = s.primitives().lock("Fork " + i);
        }
        AtomicInteger meals = new AtomicInteger();
        for (int i = 1; i <= PHILOSOPHERS; i++) {
            int left = i;
            int right = i % PHILOSOPHERS + 1;
            int first = ordered ? Math.min(left, right) : left;
            int second = ordered ? Math.max(left, right) : right;
            Lock one = forks[first];
            Lock two = forks[second];
            s.task("Philosopher " + i, t -> {
                t.run("picks up Fork " + first, one::acquire);
                t.run("picks up Fork " + second, two::acquire);
                t.run("eats, puts down Fork " + second + " and Fork " + first, () -> {
                    meals.incrementAndGet();
                    two.release();
                    one.release();
                });
            });
        }
        s.state("Forks held", () -> DeadlockScenario.holders(s));
        s.outcome(() -> meals.get() + " of " + PHILOSOPHERS + " ate");
        s.check(() -> meals.get() == PHILOSOPHERS ? null : "only " + meals.get() + " philosopher(s) ate");
    }

    /** Two preemptions close the cycle of three; the cap keeps the fixed variant's run short. */
    static Options bounded() {
        return Options.systematic().preemptions(2).schedules(2_000);
    }

    /** Philosopher 1, Fork 2, Philosopher 2, Fork 3, ..., Fork 1, Philosopher 1. */
    static List<String> roundTheTable() {
        List<String> cycle = new ArrayList<>();
        for (int i = 1; i <= PHILOSOPHERS; i++) {
            cycle.add("Philosopher " + i);
            cycle.add("Fork " + (i % PHILOSOPHERS + 1));
        }
        cycle.add("Philosopher 1");
        return cycle;
    }

    @ExpectedFailure
    @DisplayName("left fork first: every philosopher holds one fork and waits for the next")
    void leftForkFirstDeadlocks() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, false), bounded())
                .explore();
        CASE.expectFailure("left-fork-first", "a deadlock round the table", found, Explorer.Ending.STUCK);
        assertEquals(roundTheTable(), found.waitFor().cycle(), "the cycle should go through every philosopher");
        assertTrue(found.failureMessage().startsWith("Deadlock: Philosopher 1 holds Fork 1 and waits for Fork 2; "
                + "Philosopher 2 holds Fork 2 and waits for Fork 3"), found.failureMessage());
    }

    @ExpectedSuccess
    @DisplayName("lower-numbered fork first: no schedule deadlocks")
    void lowerNumberedForkFirstNeverDeadlocks() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, true), bounded())
                .explore();
        CASE.expectSuccess("lower-fork-first", found);
        assertEquals(Set.of(PHILOSOPHERS + " of " + PHILOSOPHERS + " ate"), found.outcomes().keySet());
    }
}
