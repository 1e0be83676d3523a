package dev.interleave.stress.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules catch what they name, and only that: a rule that cannot fail would keep nothing. */
class CodeRulesTest {
    private static final String VIOLATING = "dev.interleave.stress.policy.fixture.violating..";
    private static final String CLEAN = "dev.interleave.stress.policy.fixture.clean..";
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages("dev.interleave.stress.policy.fixture");
    }

    @Test
    void synchronizedMethodsAndBlocksAreBothFound() {
        var report = CodeRules.noSynchronized(VIOLATING).evaluate(fixtures).getFailureReport().getDetails();
        assertTrue(report.stream().anyMatch(l -> l.contains("synchronizedMethod") && l.contains("synchronized method")),
                report::toString);
        assertTrue(report.stream().anyMatch(l -> l.contains("synchronizedBlock") && l.contains("synchronized block")),
                report::toString);
    }

    @Test
    void reentrantLockIsAConcurrentLocksViolation() {
        assertTrue(CodeRules.noConcurrentLocks(VIOLATING, true).evaluate(fixtures).hasViolation());
    }

    @Test
    void lockSupportIsAllowedOnlyWhenAsked() {
        assertFalse(CodeRules.noConcurrentLocks(CLEAN, true).evaluate(fixtures).hasViolation());
        assertTrue(CodeRules.noConcurrentLocks(CLEAN, false).evaluate(fixtures).hasViolation());
    }

    @Test
    void concurrentCollectionsAreFoundButTimeUnitIsNot() {
        assertTrue(CodeRules.noConcurrentUtilities(VIOLATING).evaluate(fixtures).hasViolation());
        assertFalse(CodeRules.noConcurrentUtilities(CLEAN).evaluate(fixtures).hasViolation());
    }

    @Test
    void objectWaitIsFound() {
        assertTrue(CodeRules.noObjectMonitorMethods(VIOLATING).evaluate(fixtures).hasViolation());
        assertFalse(CodeRules.noObjectMonitorMethods(CLEAN).evaluate(fixtures).hasViolation());
    }

    @Test
    void atomicsAreLowLevelSynchronization() {
        assertTrue(CodeRules.noLowLevelSynchronization(CLEAN).evaluate(fixtures).hasViolation());
    }

    @Test
    void aLayerThatReachesForReentrantLockBreaksOnlyUses() {
        assertTrue(CodeRules.onlyUses(VIOLATING, VIOLATING).evaluate(fixtures).hasViolation());
    }

    @Test
    void strictHomeworkPolicyListsEveryViolationInWords() {
        HomeworkPolicy strict = new HomeworkPolicy(true, true, true, true);
        List<String> lines = strict.violations(fixtures);
        assertTrue(lines.stream().anyMatch(l -> l.contains("ReentrantLock")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("synchronized block")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("ConcurrentLinkedQueue")), lines::toString);
        assertTrue(HomeworkPolicy.buildItYourself().violations(
                new ClassFileImporter().importPackages("dev.interleave.stress.policy.fixture.clean")).isEmpty());
    }

    @Test
    void permissivePolicyHasNoRules() {
        assertEquals(List.of(), HomeworkPolicy.permissive().rules(".."));
    }
}
