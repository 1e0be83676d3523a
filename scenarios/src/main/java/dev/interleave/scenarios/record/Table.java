package dev.interleave.scenarios.record;

import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's table as plain text: one row per step, one column per thread, and the shared
 * state after each step; with two threads the state sits between them, as on the slide
 * ({@code Time | Thread 1 (your company) | Balance | Thread 2 (ebay)}).
 */
public final class Table {
    private Table() {}

    /** The table of {@code steps}. */
    public static String render(List<String> threads, String stateLabel, List<Recording.Step> steps) {
        List<String> header = new ArrayList<>();
        header.add("Time");
        int stateColumn = -1;
        for (int i = 0; i < threads.size(); i++) {
            if (stateLabel != null && threads.size() == 2 && i == 1) {
                stateColumn = header.size();
                header.add(stateLabel);
            }
            header.add(threads.get(i));
        }
        if (stateLabel != null && stateColumn < 0) {
            stateColumn = header.size();
            header.add(stateLabel);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Recording.Step step : steps) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                row.add("");
            }
            row.set(0, String.valueOf(step.time()));
            int column = header.indexOf(step.thread());
            if (column < 0) {
                column = 1;
            }
            row.set(column, step.operation());
            if (stateColumn >= 0 && step.state() != null) {
                row.set(stateColumn, step.state());
            }
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                text.append(i == 0 ? "" : " | ").append(pad(row.get(i), widths[i]));
            }
            text.append(System.lineSeparator());
            if (r == 0) {
                for (int i = 0; i < widths.length; i++) {
                    text.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
                }
                text.append(System.lineSeparator());
            }
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
