package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Held;
import dev.interleave.primitives.Lock;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.explore.Task;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 6 of the lecture, "two threads using the same resource": each thread writes its name,
 * sleeps (a very long write access), then writes {@code " Hello World!\n"} to the same output.
 * Writing one line is a critical section.
 *
 * <p>Without a lock, the exploration finds the schedule in which the other thread writes in the
 * middle of a line and shows the slide's torn output, {@code Thread-1Thread-2 Hello World!}
 * followed by a line with no name. With the {@code Lock} around the write (the lecture's
 * {@code with lock:}, here {@code try (Held held = lock.hold())}), every line is whole in every
 * schedule. The output is a {@code StringBuilder} the scenario reads, not the console.
 */
@InterleaveTest
@DisplayName("6. Torn output")
public class TornOutputScenario {
    static final Case CASE = new Case("torn-output", "6. Torn output");

    static final String HELLO = " Hello World!\n";
    static final List<String> THREADS = List.of("Thread-1", "Thread-2");

    /** The output as the table shows it: the line breaks written as {@code \n}. */
    static String shown(CharSequence output) {
        return "\"" + output.toString().replace("\n", "\\n") + "\"";
    }

    /** One line: the name, the long write access, the rest of the line. */
    static void writeLine(Task t, StringBuilder output) throws Exception {
        t.run("write '" + t.name() + "'", () -> output.append(t.name()));
        t.run("time.sleep(0.1)", () -> { });
        t.run("write ' Hello World!\\n'", () -> output.append(HELLO));
    }


    /** What is wrong with the output once both threads are done: null when every line is whole. */
    static String tornLine(String output) {
        List<String> lines = new ArrayList<>(List.of(output.split("\n", -1)));
        lines.remove(lines.size() - 1);
        for (String line : lines) {
            if (THREADS.stream().noneMatch(name -> line.equals(name + " Hello World!"))) {
                return line;
            }
        }
        return null;
    }

    static void program(Setup s, boolean locked) {
        StringBuilder output = new StringBuilder();
        Lock lock = locked ? s.primitives().lock("Lock") : null;
        for (String name : THREADS) {
            s.task(name, t -> {
                if (lock == null) {
                    writeLine(t, output);
                } else {
                    try (Held held = t.with(lock)) {
                        writeLine(t, output);
                    }
                }
            });
        }
        s.state("Output", () -> shown(output));
        s.outcome(() -> shown(output));
        s.check(() -> {
            String torn = tornLine(output.toString());
            if (torn == null) {
                return null;
            }
            String first = torn.startsWith(THREADS.get(0)) ? THREADS.get(0) : THREADS.get(1);
            String second = first.equals(THREADS.get(0)) ? THREADS.get(1) : THREADS.get(0);
            return "Torn output: the line \"" + torn + "\" is not whole; " + second + " wrote while " + first
                    + " was in the middle of its line (its critical section), so the output reads "
                    + shown(output) + ".";
        });
    }

    @ExpectedFailure
    @DisplayName("without a lock, the other thread writes in the middle of a line")
    void withoutLockALineIsTorn() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, false),
                Options.systematic().allOutcomes()).explore();
        CASE.expectFailure("unsynchronized", "a torn line (\"Thread-1Thread-2 Hello World!\")", found,
                Explorer.Ending.VIOLATION);
        assertTrue(found.outcomes().containsKey(shown("Thread-1Thread-2" + HELLO + HELLO)),
                "the slide's torn output should be among the outcomes: " + found.outcomes());
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @ExpectedSuccess
    @DisplayName("with lock: around the write, every line is whole")
    void withLockEveryLineIsWhole() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, true),
                Options.systematic()).explore();
        CASE.expectSuccess("with-lock", found);
        assertEquals(Set.of(shown("Thread-1" + HELLO + "Thread-2" + HELLO),
                shown("Thread-2" + HELLO + "Thread-1" + HELLO)), found.outcomes().keySet());
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }
}
