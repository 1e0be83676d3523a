package dev.interleave.reports.collect;

import dev.interleave.scenarios.record.Recording;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Lincheck's failure text into the common model: the table under "The following
 * interleaving leads to the error" (or, without one, the table of results) becomes one step per
 * row, in the column of the thread that took it. Deeply nested rows (the implementation's
 * internals) are left out beyond {@link #MAX_DEPTH} levels; the raw text stays one click away.
 */
public final class LincheckTrace {
    /** Nesting levels kept: 0 the operation, 1 the calls it makes. */
    static final int MAX_DEPTH = 1;
    static final int MAX_STEPS = 400;

    private LincheckTrace() {}

    /**
     * The interleaving in Lincheck's text.
     *
     * @return the thread names and steps; empty lists when the text holds no table
     */
    public static Parsed parse(String text) {
        if (text == null) {
            return new Parsed(List.of(), List.of());
        }
        String[] lines = text.split("\\R");
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("The following interleaving leads to the error")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].trim().startsWith("|") && lines[i].contains("Thread 1")) {
                    start = i - 1;
                    break;
                }
            }
        }
        if (start < 0) {
            return new Parsed(List.of(), List.of());
        }
        List<String> threads = new ArrayList<>();
        List<Recording.Step> steps = new ArrayList<>();
        for (int i = Math.max(start, 0); i < lines.length && steps.size() < MAX_STEPS; i++) {
            String line = lines[i].trim();
            if (!line.startsWith("|")) {
                if (!threads.isEmpty() && !line.isEmpty()) {
                    break;
                }
                continue;
            }
            if (line.matches("\\|\\s*-+\\s*\\|")) {
                continue;
            }
            String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|", -1);
            if (threads.isEmpty()) {
                for (String cell : cells) {
                    threads.add(cell.trim());
                }
                continue;
            }
            for (int c = 0; c < cells.length && c < threads.size(); c++) {
                String cell = cells[c];
                if (cell.isBlank()) {
                    continue;
                }
                int indent = cell.length() - cell.stripLeading().length() - 1;
                int depth = Math.max(0, indent / 2);
                if (depth > MAX_DEPTH) {
                    continue;
                }
                steps.add(new Recording.Step(steps.size() + 1, threads.get(c),
                        "  ".repeat(depth) + cell.trim(), null, depth == 0 ? "step" : "note"));
            }
        }
        return new Parsed(threads, steps);
    }

    /** Thread names and steps. */
    public record Parsed(List<String> threads, List<Recording.Step> steps) {}
}
