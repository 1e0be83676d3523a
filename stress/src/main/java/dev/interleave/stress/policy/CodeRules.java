package dev.interleave.stress.policy;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The building blocks of every code rule Interleave checks: the layering of the reference
 * primitives ({@link ReferenceLayers}) and a teacher's homework policy ({@link HomeworkPolicy}).
 * Each method returns an ArchUnit rule over the classes that {@code packagePattern} selects
 * (ArchUnit's package syntax: {@code "x.y.."} is x.y and everything below).
 */
public final class CodeRules {
    private CodeRules() {}

    /** The {@code java.util.concurrent} types that are vocabulary, not synchronization: time units and exceptions. */
    static final DescribedPredicate<JavaClass> CONCURRENT_VOCABULARY = describe(
            "java.util.concurrent.TimeUnit or a java.util.concurrent exception",
            c -> c.getPackageName().equals("java.util.concurrent")
                    && (c.getSimpleName().equals("TimeUnit") || c.isAssignableTo(Throwable.class)));

    /** No {@code synchronized} method or block. */
    public static ArchRule noSynchronized(String packagePattern) {
        return classes().that().resideInAPackage(packagePattern)
                .should(new ArchCondition<JavaClass>("use no synchronized method or block") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        for (String use : MonitorUse.of(javaClass)) {
                            events.add(SimpleConditionEvent.violated(javaClass, use));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /** No call of {@code Object.wait/notify/notifyAll}. */
    public static ArchRule noObjectMonitorMethods(String packagePattern) {
        return noClasses().that().resideInAPackage(packagePattern)
                .should().callMethodWhere(describe("Object.wait, notify or notifyAll",
                        call -> call.getTarget().getOwner().isEquivalentTo(Object.class)
                                && Set.of("wait", "notify", "notifyAll").contains(call.getTarget().getName())))
                .allowEmptyShould(true);
    }

    /** Nothing of {@code java.util.concurrent.locks} except, when {@code allowLockSupport}, {@code LockSupport}. */
    public static ArchRule noConcurrentLocks(String packagePattern, boolean allowLockSupport) {
        DescribedPredicate<JavaClass> forbidden = describe(
                allowLockSupport ? "java.util.concurrent.locks types other than LockSupport"
                        : "java.util.concurrent.locks types",
                c -> c.getPackageName().equals("java.util.concurrent.locks")
                        && !(allowLockSupport && c.getSimpleName().equals("LockSupport")));
        return noClasses().that().resideInAPackage(packagePattern)
                .should().dependOnClassesThat(forbidden)
                .allowEmptyShould(true);
    }

    /** Nothing of {@code java.util.concurrent} itself (collections, executors, latches...) but time units and exceptions. */
    public static ArchRule noConcurrentUtilities(String packagePattern) {
        return noClasses().that().resideInAPackage(packagePattern)
                .should().dependOnClassesThat(describe("java.util.concurrent collections, executors or synchronizers",
                        c -> c.getPackageName().equals("java.util.concurrent") && !CONCURRENT_VOCABULARY.test(c)))
                .allowEmptyShould(true);
    }

    /** No atomics, no {@code VarHandle}, no park/unpark, no {@code volatile} field: synchronization must come from below. */
    public static ArchRule noLowLevelSynchronization(String packagePattern) {
        return noClasses().that().resideInAPackage(packagePattern)
                .should().dependOnClassesThat(describe("atomics, VarHandle, LockSupport or Unsafe",
                        c -> c.getPackageName().equals("java.util.concurrent.atomic")
                                || c.getName().equals("java.lang.invoke.VarHandle")
                                || c.getName().equals("java.util.concurrent.locks.LockSupport")
                                || c.getName().equals("sun.misc.Unsafe")))
                .allowEmptyShould(true);
    }

    /** No {@code volatile} field. */
    public static ArchRule noVolatileFields(String packagePattern) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(packagePattern)
                .should().haveModifier(JavaModifier.VOLATILE)
                .allowEmptyShould(true);
    }

    /**
     * Classes in {@code packagePattern} depend only on classes in {@code allowedPackages}
     * (ArchUnit patterns), and on the JDK's basics: {@code java.lang}, {@code java.util},
     * {@code java.util.function} and the {@code java.util.concurrent} vocabulary.
     */
    public static ArchRule onlyUses(String packagePattern, String... allowedPackages) {
        DescribedPredicate<JavaClass> allowed = JavaClass.Predicates.resideInAnyPackage(allowedPackages)
                .or(JavaClass.Predicates.resideInAnyPackage("java.lang", "java.util", "java.util.function"))
                .or(CONCURRENT_VOCABULARY)
                .as("the layers below, java.lang, java.util, java.util.function and TimeUnit/exceptions");
        return classes().that().resideInAPackage(packagePattern)
                .should().onlyDependOnClassesThat(allowed)
                .allowEmptyShould(true);
    }
}
