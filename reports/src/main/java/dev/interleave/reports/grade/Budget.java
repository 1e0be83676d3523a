package dev.interleave.reports.grade;

import dev.interleave.reports.grade.child.Battery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The split of a grading run's time: a reserve to prepare the submission and write the results,
 * the rest shared among the tools by weight (Lincheck's model checking and jcstress's forks take
 * the most). How the tools run side by side is {@link Schedule}'s; the time a tool leaves unused
 * goes to the next on its track.
 *
 * @param totalSeconds the whole run's budget
 * @param reserveSeconds kept for compiling, reading the classes and writing the results
 * @param shares each tool's share, in the order they run
 */
record Budget(long totalSeconds, long reserveSeconds, Map<Battery, Long> shares) {
    static final long DEFAULT_SECONDS = 480;
    private static final Map<Battery, Integer> WEIGHTS = Map.of(Battery.CONFORMANCE, 14, Battery.SPURIOUS, 14,
            Battery.LINCHECK, 33, Battery.JCSTRESS, 25, Battery.SCENARIOS, 14);

    static Budget split(long totalSeconds, List<Battery> tools) {
        long reserve = Math.min(60, Math.max(15, totalSeconds / 10));
        long shared = totalSeconds - reserve;
        int weights = tools.stream().mapToInt(WEIGHTS::get).sum();
        Map<Battery, Long> shares = new LinkedHashMap<>();
        for (Battery tool : tools) {
            shares.put(tool, shared * WEIGHTS.get(tool) / weights);
        }
        return new Budget(totalSeconds, reserve, shares);
    }

    /** Parses {@code 480}, {@code 480s}, {@code 8m}, {@code 8m30s}. */
    static long parseSeconds(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        var m = java.util.regex.Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s?)?").matcher(t);
        if (t.isEmpty() || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write seconds (480 or 480s) or "
                    + "minutes (8m, 8m30s)");
        }
        long seconds = (m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 60)
                + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        return seconds;
    }

    /** One line: the budget and its split. */
    String describe() {
        StringJoiner parts = new StringJoiner(", ");
        shares.forEach((tool, s) -> parts.add(tool.id() + " " + s + " s"));
        return "budget " + totalSeconds + " s: " + parts + " (and " + reserveSeconds + " s to prepare and report); "
                + "time a tool leaves unused goes to the next on its track, and jcstress gets what is left";
    }
}
