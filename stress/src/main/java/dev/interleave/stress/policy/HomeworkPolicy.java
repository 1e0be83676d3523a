package dev.interleave.stress.policy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What a homework allows a submission to use, checked on its compiled classes with the same
 * rules that keep the reference layered. Every option forbids something; the default allows
 * the whole JDK.
 *
 * @param forbidConcurrentLocks    no {@code java.util.concurrent.locks} (LockSupport allowed
 *                                 when {@code allowLockSupport})
 * @param allowLockSupport         keep {@code LockSupport.park/unpark} allowed
 * @param forbidSynchronized       no {@code synchronized} and no {@code Object.wait/notify}
 * @param forbidConcurrentUtilities no j.u.c collections, executors or synchronizers
 *                                 ({@code TimeUnit} and the exceptions stay allowed)
 */
public record HomeworkPolicy(boolean forbidConcurrentLocks, boolean allowLockSupport, boolean forbidSynchronized,
        boolean forbidConcurrentUtilities) {

    /** Everything allowed. */
    public static HomeworkPolicy permissive() {
        return new HomeworkPolicy(false, true, false, false);
    }

    /** A typical "build it yourself" homework: no j.u.c.locks but LockSupport, no j.u.c utilities. */
    public static HomeworkPolicy buildItYourself() {
        return new HomeworkPolicy(true, true, false, true);
    }

    /** The rules this policy stands for, over the classes in {@code packagePattern} (e.g. {@code ".."} for all). */
    public List<ArchRule> rules(String packagePattern) {
        List<ArchRule> rules = new ArrayList<>();
        if (forbidConcurrentLocks) {
            rules.add(CodeRules.noConcurrentLocks(packagePattern, allowLockSupport));
        }
        if (forbidSynchronized) {
            rules.add(CodeRules.noSynchronized(packagePattern));
            rules.add(CodeRules.noObjectMonitorMethods(packagePattern));
        }
        if (forbidConcurrentUtilities) {
            rules.add(CodeRules.noConcurrentUtilities(packagePattern));
        }
        return rules;
    }

    /** Every violation of this policy by {@code classes}, one readable line each; empty when it complies. */
    public List<String> violations(JavaClasses classes) {
        List<String> lines = new ArrayList<>();
        for (ArchRule rule : rules("..")) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                lines.add("Rule '" + rule.getDescription() + "':");
                result.getFailureReport().getDetails().forEach(d -> lines.add("  " + d));
            }
        }
        return lines;
    }
}
