package dev.interleave.reports.grade.child;

import dev.interleave.reports.collect.JUnitXml;
import dev.interleave.reports.collect.TestCase;
import dev.interleave.stress.jcstress.gate.GateSettings;
import dev.interleave.stress.jcstress.gate.JcstressGate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the jcstress tests through the build's own gate ({@link JcstressGate}: one JVM for
 * jcstress, forks under the same sandbox, its own wall-clock budget) and reports each test's
 * verdict over the channel, with the gate's JUnit XML (histograms included) as evidence.
 */
final class JcstressChecks {
    private final Channel channel;
    private final Path work;
    private final ChildConfig config;

    JcstressChecks(Channel channel, Path work, ChildConfig config) {
        this.channel = channel;
        this.work = work;
        this.config = config;
    }

    void run() throws Exception {
        Path results = work.resolve("jcstress-results");
        Path reports = work.resolve("jcstress-reports");
        System.setProperty("jcstress.resultsDirectory", results.toString());
        System.setProperty("jcstress.reportsDirectory", reports.toString());
        System.setProperty("jcstress.filter", filter(config.checks()));
        // The gate's own bound, inside the child's: room to read and send the results.
        System.setProperty("jcstress.timeout", Long.toString(Math.max(20, config.seconds() - 15)));
        GateSettings settings = GateSettings.fromSystemProperties();
        for (String check : config.checks()) {
            channel.send(Message.start(check));
        }
        JcstressGate.run(settings, System.out);
        Path xml = reports.resolve("TEST-dev.interleave.stress.jcstress.xml");
        if (!Files.isRegularFile(xml)) {
            channel.send(Message.note("jcstress left no report"));
            return;
        }
        Set<String> reported = new HashSet<>();
        for (TestCase c : JUnitXml.read(xml, "stress", "jcstress")) {
            if (!config.checks().contains(c.className()) || !reported.add(c.className())) {
                if (!c.status().equals("passed")) {
                    channel.send(Message.note("jcstress: " + c.name() + ": " + c.message()));
                }
                continue;
            }
            String status = c.status().equals("passed") ? "passed" : "failed";
            String detail = c.detail() == null ? c.output() : c.detail() + (c.output() == null ? "" : "\n" + c.output());
            channel.send(Message.result(c.className(), status, c.message(), detail, c.seconds()));
        }
        channel.send(Message.artifact(Battery.JCSTRESS.reportPath(), Files.readString(xml, StandardCharsets.UTF_8)));
    }

    /** A regular expression that selects exactly {@code checks}. */
    static String filter(List<String> checks) {
        StringBuilder filter = new StringBuilder("^(");
        for (int i = 0; i < checks.size(); i++) {
            filter.append(i == 0 ? "" : "|").append(java.util.regex.Pattern.quote(checks.get(i)));
        }
        return filter.append(")$").toString();
    }
}
