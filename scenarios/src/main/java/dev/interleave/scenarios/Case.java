package dev.interleave.scenarios;

import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.scenarios.record.Recording.Expectation;
import dev.interleave.scenarios.record.Recording.Verdict;
import dev.interleave.scenarios.record.Recordings;
import dev.interleave.scenarios.record.Table;
import dev.interleave.stress.harness.ImplementationUnderTest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the lecture, and how its variants reach their verdicts: each variant's run is
 * judged against its expectation, recorded ({@link Recordings}) and printed as the lecture's
 * table, and a variant that does not meet its expectation fails its test with the interleaving
 * in the message.
 *
 * @param id the scenario's identifier, e.g. {@code bank-account}
 * @param title the lecture's name for it, e.g. {@code "5. Bank account race"}
 */
public record Case(String id, String title) {

    /**
     * An expected failure: passes when the exploration found a failing schedule that ended in
     * one of {@code endings} (any, when none are given), and shows it.
     *
     * @param bug what the variant must show, in the lecture's words ("a lost update")
     */
    public Recording expectFailure(String variant, String bug, Exploration found, Explorer.Ending... endings) {
        boolean shown = found.failed()
                && (endings.length == 0 || Arrays.asList(endings).contains(found.failureEnding()));
        Recording recording = new Recording(id, title, variant, Expectation.EXPECTED_FAILURE,
                shown ? Verdict.FAILURE_SHOWN : Verdict.FAILURE_NOT_FOUND, implementation(),
                shown ? found.failureMessage() : "not found: " + bug
                        + (found.failed() ? " (the failure found instead: " + found.failureMessage() + ")" : ""),
                found.method(), found.schedules(), found.shown().threads(), found.shown().stateLabel(),
                found.steps(), found.outcomes(), found.waitFor(), null);
        publish(recording);
        if (!shown) {
            throw new AssertionError(title + " / " + variant + ": the harness did not find " + bug + " ("
                    + found.method() + "; outcomes " + found.outcomes() + ")"
                    + (found.failed() ? "; it found instead: " + found.failureMessage() : ""));
        }
        return recording;
    }

    /** An expected success: passes when no explored schedule failed. */
    public Recording expectSuccess(String variant, Exploration found) {
        return expectSuccess(variant, found, null);
    }

    /** An expected success with more to report ({@code details}). */
    public Recording expectSuccess(String variant, Exploration found, Map<String, Object> details) {
        Recording recording = new Recording(id, title, variant, Expectation.EXPECTED_SUCCESS,
                found.failed() ? Verdict.FAILED : Verdict.PASSED, implementation(),
                found.failed() ? found.failureMessage()
                        : "every schedule passed; outcomes " + found.outcomes().keySet(),
                found.method(), found.schedules(), found.shown().threads(), found.shown().stateLabel(),
                found.steps(), found.outcomes(), found.waitFor(), details);
        publish(recording);
        if (found.failed()) {
            throw new AssertionError(title + " / " + variant + ": " + found.failureMessage() + System.lineSeparator()
                    + Table.render(found.shown().threads(), found.shown().stateLabel(), found.steps()));
        }
        return recording;
    }

    /**
     * A run judged by the scenario itself (a watchdog, child processes, a measurement): records
     * it and fails when the verdict is a failing one.
     */
    public Recording judge(Recording.Verdict verdict, Expectation expectation, String variant, String summary,
            String method, List<String> threads, String stateLabel, List<Recording.Step> steps,
            Map<String, Integer> outcomes, Recording.WaitForGraph waitFor, Map<String, Object> details) {
        Recording recording = new Recording(id, title, variant, expectation, verdict, implementation(), summary,
                method, 1, threads, stateLabel, steps, outcomes, waitFor, details);
        publish(recording);
        if (verdict == Verdict.FAILED || verdict == Verdict.FAILURE_NOT_FOUND) {
            throw new AssertionError(title + " / " + variant + ": " + summary
                    + (steps == null || steps.isEmpty() ? "" : System.lineSeparator()
                            + Table.render(threads, stateLabel, steps)));
        }
        return recording;
    }

    /** An ordered map for {@code details}, from key-value pairs. */
    public static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            details.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return details;
    }

    private static String implementation() {
        try {
            return ImplementationUnderTest.name();
        } catch (AssertionError e) {
            return "(not loadable)";
        }
    }

    private static void publish(Recording recording) {
        Recordings.write(recording);
        String n = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append("== ").append(recording.title()).append(" / ").append(recording.variant()).append(": ")
                .append(recording.verdict()).append(n).append(recording.summary()).append(n)
                .append(recording.method()).append(n);
        if (recording.steps() != null && !recording.steps().isEmpty()) {
            text.append(Table.render(recording.threads(), recording.stateLabel(), recording.steps()));
        }
        if (recording.outcomes() != null && !recording.outcomes().isEmpty()) {
            text.append("outcomes: ").append(recording.outcomes()).append(n);
        }
        System.out.print(text);
    }
}
