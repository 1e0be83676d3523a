package dev.interleave.reports.grade.child;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.Map;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The tools of the battery a grader runs, each in child JVMs of its own: what each runs, with
 * which system properties, and where its JUnit XML goes in the report's project tree (the layout
 * {@code mvn verify} leaves, so the report reads a grading run like a build).
 */
public enum Battery {
    CONFORMANCE("conformance", "Conformance suite", "dev.interleave.stress.conformance", ".*Conformance.*",
            Map.of(), "stress/target/surefire-reports/TEST-dev.interleave.stress.ConformanceSuiteTest.xml",
            "dev.interleave.stress.ConformanceSuiteTest"),
    SPURIOUS("spurious", "Conformance suite with spurious wake-ups", "dev.interleave.stress.conformance",
            ".*Conformance.*", Map.of("interleave.spuriousWakeups", "true"),
            "stress/target/surefire-reports/TEST-dev.interleave.stress.ConformanceSuiteTest-SpuriousWakeups.xml",
            "dev.interleave.stress.ConformanceSuiteTest(SpuriousWakeups)"),
    LINCHECK("lincheck", "Lincheck", "dev.interleave.stress.lincheck", ".*Linearizability", Map.of(),
            "stress/target/surefire-reports/TEST-dev.interleave.stress.LincheckSuiteTest.xml",
            "dev.interleave.stress.LincheckSuiteTest"),
    JCSTRESS("jcstress", "jcstress", null, null, Map.of(),
            "stress/target/jcstress-reports/TEST-dev.interleave.stress.jcstress.xml", "dev.interleave.stress.jcstress"),
    SCENARIOS("scenarios", "The lecture's scenarios", "dev.interleave.scenarios.lecture", ".*Scenario", Map.of(),
            "scenarios/target/surefire-reports/TEST-dev.interleave.scenarios.ScenarioSuiteTest.xml",
            "dev.interleave.scenarios.ScenarioSuiteTest");

    private final String id;
    private final String title;
    private final String testPackage;
    private final String classPattern;
    private final Map<String, String> properties;
    private final String reportPath;
    private final String suite;

    Battery(String id, String title, String testPackage, String classPattern, Map<String, String> properties,
            String reportPath, String suite) {
        this.id = id;
        this.title = title;
        this.testPackage = testPackage;
        this.classPattern = classPattern;
        this.properties = properties;
        this.reportPath = reportPath;
        this.suite = suite;
    }

    /** The tool's name on the command line ({@code --tools}) and in check ids. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** System properties the tool's checks run with. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Where its JUnit XML goes, relative to the report's project tree. */
    public String reportPath() {
        return reportPath;
    }

    /** The JUnit XML's suite name. */
    public String suite() {
        return suite;
    }

    /** Whether its checks are JUnit tests (all but jcstress). */
    public boolean isJUnit() {
        return testPackage != null;
    }

    /** The tool named {@code id}. */
    public static Battery of(String id) {
        for (Battery tool : values()) {
            if (tool.id.equals(id)) {
                return tool;
            }
        }
        throw new IllegalArgumentException("no tool '" + id + "'; the tools are conformance, spurious, lincheck, "
                + "jcstress and scenarios");
    }

    /** The discovery request of every check of this JUnit tool. */
    LauncherDiscoveryRequest discoverEverything() {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(testPackage))
                .filters(includeClassNamePatterns(classPattern))
                .enableImplicitConfigurationParameters(false)
                .build();
    }

    /**
     * A launcher with the Jupiter engine and nothing found on the class path: no engine, listener
     * or filter of a submission's can join in.
     */
    static Launcher closedLauncher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build());
    }
}
