package dev.interleave.reports.grade.child;

import dev.interleave.scenarios.record.Recordings;
import dev.interleave.stress.lincheck.LincheckRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Runs checks of a JUnit tool and reports each over the channel: {@code start} when it begins,
 * {@code result} when it ends (a parameterized check fails when any invocation does), and the
 * evidence it left (Lincheck's trace, the scenario's recording) as artifacts.
 *
 * <p>A check that aborts (an assumption failed while it ran) is a failure: the battery never
 * aborts a check, and a submission could throw the exception itself. A check disabled before it
 * ran is {@code skipped}.
 */
final class JUnitChecks implements TestExecutionListener {
    private static final int MAX_DETAIL = 200_000;

    private final Channel channel;
    private final Path evidence;
    private final Path recordings;
    private final Set<String> requested = new HashSet<>();
    private final Map<String, List<String>> failuresWithin = new HashMap<>();
    private final Map<String, Long> started = new HashMap<>();
    private final Set<Path> sent = new HashSet<>();
    private TestPlan plan;

    JUnitChecks(Channel channel, Path work) {
        this.channel = channel;
        this.evidence = work.resolve("evidence");
        this.recordings = work.resolve("recordings");
        System.setProperty(LincheckRun.EVIDENCE_DIR_PROPERTY, evidence.toString());
        System.setProperty(Recordings.FOLDER_PROPERTY, recordings.toString());
    }

    void run(List<String> checks) {
        requested.addAll(checks);
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(checks.stream().map(DiscoverySelectors::selectUniqueId).toList())
                .enableImplicitConfigurationParameters(false)
                .build();
        Battery.closedLauncher().execute(request, this);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier node) {
        if (requested.contains(node.getUniqueId())) {
            started.put(node.getUniqueId(), System.nanoTime());
            channel.send(Message.start(node.getUniqueId()));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier node, String reason) {
        if (requested.contains(node.getUniqueId())) {
            channel.send(Message.result(node.getUniqueId(), "skipped", "disabled: " + reason, null, 0));
        }
    }

    @Override
    public void executionFinished(TestIdentifier node, TestExecutionResult result) {
        String id = node.getUniqueId();
        if (!requested.contains(id)) {
            String check = enclosingCheck(node);
            if (check != null && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failuresWithin.computeIfAbsent(check, k -> new ArrayList<>())
                        .add(node.getDisplayName() + ": " + describe(result));
            }
            return;
        }
        double seconds = (System.nanoTime() - started.getOrDefault(id, System.nanoTime())) / 1e9;
        List<String> within = failuresWithin.getOrDefault(id, List.of());
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL && within.isEmpty()) {
            channel.send(Message.result(id, "passed", null, null, seconds));
        } else {
            String message;
            String detail;
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                message = headline(result);
                detail = describe(result);
            } else {
                message = within.size() + " of its invocations failed: " + firstLine(within.get(0));
                detail = String.join("\n\n", within);
            }
            channel.send(Message.result(id, "failed", message, clip(detail), seconds));
        }
        sendNewEvidence();
    }

    /** The requested check {@code node} belongs to, or null. */
    private String enclosingCheck(TestIdentifier node) {
        TestIdentifier current = node;
        while (current != null) {
            if (requested.contains(current.getUniqueId())) {
                return current.getUniqueId();
            }
            current = plan == null ? null : plan.getParent(current).orElse(null);
        }
        return null;
    }

    /** Lincheck traces and scenario recordings written since the last check. */
    private void sendNewEvidence() {
        send(evidence.resolve("lincheck"), "stress/target/interleave/lincheck/");
        send(recordings, "scenarios/target/interleave/scenarios/");
    }

    private void send(Path folder, String treePrefix) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file) && sent.add(file)) {
                    channel.send(Message.artifact(treePrefix + file.getFileName(),
                            Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            channel.send(Message.note("cannot read the evidence in " + folder + ": " + e.getMessage()));
        }
    }

    private static String headline(TestExecutionResult result) {
        Throwable t = result.getThrowable().orElse(null);
        String prefix = result.getStatus() == TestExecutionResult.Status.ABORTED ? "aborted: " : "";
        if (t == null) {
            return prefix + result.getStatus().toString().toLowerCase(java.util.Locale.ROOT);
        }
        String message = t.getMessage();
        return prefix + (message == null || message.isBlank() ? t.getClass().getName() : firstLine(message));
    }

    private static String describe(TestExecutionResult result) {
        Throwable t = result.getThrowable().orElse(null);
        if (t == null) {
            return result.getStatus().toString();
        }
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return (result.getStatus() == TestExecutionResult.Status.ABORTED ? "aborted while it ran (the battery never "
                + "aborts a check): " : "") + text;
    }

    /** The first line that says something (Lincheck's messages start with a line break). */
    private static String firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static String clip(String text) {
        return text.length() <= MAX_DETAIL ? text
                : text.substring(0, MAX_DETAIL) + "\n[... " + (text.length() - MAX_DETAIL) + " more characters]";
    }
}
