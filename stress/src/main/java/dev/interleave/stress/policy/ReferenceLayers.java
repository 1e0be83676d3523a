package dev.interleave.stress.policy;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering of the reference primitives, as CONTRACT.md states it: "Events can be
 * implemented using Conditions, which can be implemented using locks".
 *
 * <ol>
 *   <li>{@code reference.lock}: atomics, {@code VarHandle} and {@code LockSupport} only; no
 *       {@code synchronized}, no other {@code java.util.concurrent.locks} type, no j.u.c
 *       collections.</li>
 *   <li>{@code reference.sync}: the contract and layer 1 only (plus java.lang/java.util basics);
 *       no monitors, no atomics, no volatile fields.</li>
 *   <li>{@code reference.pipe}: the layer-2 queue only.</li>
 * </ol>
 */
public final class ReferenceLayers {
    public static final String CONTRACT = "dev.interleave.primitives";
    public static final String LAYER_1 = "dev.interleave.primitives.reference.lock..";
    public static final String LAYER_2 = "dev.interleave.primitives.reference.sync..";
    public static final String LAYER_3 = "dev.interleave.primitives.reference.pipe..";

    private ReferenceLayers() {}

    public static List<ArchRule> layer1() {
        return List.of(
                CodeRules.noSynchronized(LAYER_1),
                CodeRules.noObjectMonitorMethods(LAYER_1),
                CodeRules.noConcurrentLocks(LAYER_1, true),
                CodeRules.noConcurrentUtilities(LAYER_1),
                CodeRules.onlyUses(LAYER_1, CONTRACT, LAYER_1, "java.lang.invoke",
                        "java.util.concurrent.locks", "java.util.concurrent.atomic"))
                .stream().map(r -> r.allowEmptyShould(false)).toList();
    }

    public static List<ArchRule> layer2() {
        return List.of(
                CodeRules.noSynchronized(LAYER_2),
                CodeRules.noObjectMonitorMethods(LAYER_2),
                CodeRules.noConcurrentLocks(LAYER_2, false),
                CodeRules.noConcurrentUtilities(LAYER_2),
                CodeRules.noLowLevelSynchronization(LAYER_2),
                CodeRules.noVolatileFields(LAYER_2),
                CodeRules.onlyUses(LAYER_2, CONTRACT, LAYER_1, LAYER_2))
                .stream().map(r -> r.allowEmptyShould(false)).toList();
    }

    public static List<ArchRule> layer3() {
        return List.of(
                CodeRules.noSynchronized(LAYER_3),
                CodeRules.noObjectMonitorMethods(LAYER_3),
                CodeRules.noConcurrentLocks(LAYER_3, false),
                CodeRules.noConcurrentUtilities(LAYER_3),
                CodeRules.noLowLevelSynchronization(LAYER_3),
                CodeRules.noVolatileFields(LAYER_3),
                CodeRules.onlyUses(LAYER_3, CONTRACT, LAYER_2, LAYER_3))
                .stream().map(r -> r.allowEmptyShould(false)).toList();
    }
}
