package dev.interleave.reports.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Turns the checks' results into the rubric's items: all or nothing per item. */
final class Scoring {
    static final int SHOWN_FAILURES = 8;
    static final int DETAIL_CHARS = 6000;

    /** One item's outcome. */
    record ItemResult(String name, double score, double maxScore, String status, String output, String visibility,
            List<CheckResult> checks) {}

    private Scoring() {}

    /** The items that have checks among {@code results} (the others belong to tools not run), in rubric order. */
    static List<ItemResult> score(Rubric rubric, List<CheckResult> results) {
        List<ItemResult> items = new ArrayList<>();
        String defaultVisibility = rubric.visibilityOr("visible");
        for (Rubric.Item item : rubric.items()) {
            List<CheckResult> selected = results.stream().filter(r -> item.selects(r.check())).toList();
            if (selected.isEmpty()) {
                continue;
            }
            List<CheckResult> failed = selected.stream().filter(CheckResult::failed).toList();
            boolean passed = failed.isEmpty() && selected.stream().anyMatch(CheckResult::passed);
            String visibility = item.visibility() == null ? defaultVisibility : item.visibility();
            items.add(new ItemResult(item.name(), passed ? item.points() : 0, item.points(), passed ? "passed" : "failed",
                    passed ? passedText(selected) : failedText(selected, failed), visibility, selected));
        }
        return items;
    }

    private static String passedText(List<CheckResult> selected) {
        Map<String, Integer> byTool = new LinkedHashMap<>();
        int skipped = 0;
        for (CheckResult r : selected) {
            if (r.passed()) {
                byTool.merge(r.check().tool(), 1, Integer::sum);
            } else {
                skipped++;
            }
        }
        StringJoiner tools = new StringJoiner(", ");
        byTool.forEach((tool, n) -> tools.add(tool + " " + n));
        return "All " + (selected.size() - skipped) + " checks passed (" + tools + ")"
                + (skipped > 0 ? "; " + skipped + " disabled for every implementation." : ".");
    }

    private static String failedText(List<CheckResult> selected, List<CheckResult> failed) {
        if (failed.isEmpty()) {
            return "No check of this item ran.";
        }
        StringBuilder text = new StringBuilder();
        if (failed.stream().allMatch(CheckResult::notImplemented)) {
            text.append("Not implemented: every failing check needs a factory method that throws "
                    + "UnsupportedOperationException.\n\n");
        }
        text.append(failed.size()).append(" of ").append(selected.size()).append(" checks failed:\n");
        for (CheckResult r : failed.subList(0, Math.min(SHOWN_FAILURES, failed.size()))) {
            text.append("  ✗ ").append(r.check().tool()).append(" — ").append(r.check().classname()).append(" — ")
                    .append(r.check().name()).append(": ").append(r.message() == null ? "failed" : r.message())
                    .append('\n');
        }
        if (failed.size() > SHOWN_FAILURES) {
            text.append("  … and ").append(failed.size() - SHOWN_FAILURES).append(" more\n");
        }
        // The interleaving says most: a Lincheck failure first, then any other with a full text.
        CheckResult first = failed.stream()
                .filter(r -> r.detail() != null && !r.notImplemented())
                .min(java.util.Comparator.comparing((CheckResult r) -> !r.check().tool().equals("lincheck")))
                .orElse(failed.get(0));
        if (first.detail() != null) {
            String detail = first.detail();
            text.append("\nThe first failure in full (").append(first.check().tool()).append(" — ")
                    .append(first.check().name()).append("):\n")
                    .append(detail.length() > DETAIL_CHARS ? detail.substring(0, DETAIL_CHARS) + "\n[…]" : detail)
                    .append('\n');
        }
        return text.toString();
    }
}
