package dev.interleave.reports.grade;

import dev.interleave.stress.policy.HomeworkPolicy;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads {@code --policy}: a preset or a list of prohibitions. */
final class Policies {
    private Policies() {}

    static HomeworkPolicy parse(String text) {
        switch (text.trim()) {
            case "permissive":
                return HomeworkPolicy.permissive();
            case "build-it-yourself":
                return HomeworkPolicy.buildItYourself();
            default:
                break;
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (!Set.of("no-concurrent-locks", "no-locksupport", "no-synchronized", "no-concurrent-utilities").contains(p)) {
                throw new IllegalArgumentException("--policy: '" + p + "' is not a policy; write permissive, "
                        + "build-it-yourself, or a comma-separated list of no-concurrent-locks, no-locksupport, "
                        + "no-synchronized, no-concurrent-utilities");
            }
            parts.add(p);
        }
        boolean noLockSupport = parts.contains("no-locksupport");
        return new HomeworkPolicy(parts.contains("no-concurrent-locks") || noLockSupport, !noLockSupport,
                parts.contains("no-synchronized"), parts.contains("no-concurrent-utilities"));
    }
}
