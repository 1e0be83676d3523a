package dev.interleave.reports.grade.child;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * One check of the battery: a test method of a JUnit tool (all its parameterized invocations
 * together), or one jcstress test.
 *
 * @param id the JUnit unique id, or the jcstress test's class name
 * @param tool the tool's id ({@link Battery#id()})
 * @param classname the test class as the tool names it ({@code "Lock: fairLock()"},
 *        {@code "5. Bank account race"}, the Lincheck or jcstress class name)
 * @param name the test method (or the jcstress test's simple name)
 * @param tags the JUnit tags ({@code expected-failure}, {@code observation}, ...)
 */
public record CheckInfo(String id, String tool, String classname, String name, Set<String> tags) {

    /** Every check of {@code tool}, in the tool's order. Loads the test classes, never an implementation. */
    public static List<CheckInfo> discover(Battery tool) {
        if (!tool.isJUnit()) {
            return jcstress();
        }
        TestPlan plan = Battery.closedLauncher().discover(tool.discoverEverything());
        List<CheckInfo> checks = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier node : plan.getDescendants(root)) {
                if (isCheck(plan, node)) {
                    checks.add(of(tool, plan, node));
                }
            }
        }
        return checks;
    }

    /** A method-level node: its source is a method, its parent's is not. */
    static boolean isCheck(TestPlan plan, TestIdentifier node) {
        if (!(node.getSource().orElse(null) instanceof MethodSource)) {
            return false;
        }
        return plan.getParent(node).map(p -> !(p.getSource().orElse(null) instanceof MethodSource)).orElse(true);
    }

    static CheckInfo of(Battery tool, TestPlan plan, TestIdentifier node) {
        MethodSource method = (MethodSource) node.getSource().orElseThrow();
        String classname = plan.getParent(node).map(TestIdentifier::getDisplayName).orElse(method.getClassName());
        if (tool == Battery.LINCHECK) {
            classname = method.getClassName();
        }
        Set<String> tags = new TreeSet<>();
        for (TestTag tag : node.getTags()) {
            tags.add(tag.getName());
        }
        return new CheckInfo(node.getUniqueId(), tool.id(), classname, method.getMethodName(), Set.copyOf(tags));
    }

    private static List<CheckInfo> jcstress() {
        List<CheckInfo> checks = new ArrayList<>();
        for (String name : new TreeSet<>(TestList.tests())) {
            if (name.startsWith("dev.interleave.stress.jcstress.")) {
                checks.add(new CheckInfo(name, Battery.JCSTRESS.id(), name, name.substring(name.lastIndexOf('.') + 1),
                        Set.of()));
            }
        }
        return checks;
    }
}
