package dev.interleave.reports.render;

import dev.interleave.reports.model.Report;
import dev.interleave.scenarios.record.Recording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The geometry of the report's pictures, computed here so that the templates only print
 * numbers and (escaped) text: swimlanes, wait-for graphs, histograms and bars.
 */
public final class Svg {
    static final int MAX_LANE_STEPS = 80;
    private static final int STEP_WIDTH = 150;
    private static final int LANE_HEIGHT = 46;
    private static final int BOX_HEIGHT = 30;

    private Svg() {}

    /** A box of a swimlane: one step. */
    public record Box(int x, int y, int w, int h, String label, String title, String cls, int tx, int ty) {}

    /** An arrow. */
    public record Arrow(int x1, int y1, int x2, int y2, String cls) {}

    /** A lane: one thread. */
    public record Lane(int y, int lineY, String name, int width) {}

    /** A swimlane timeline: threads as lanes, steps as boxes, waits and hand-offs as arrows. */
    public record Swimlane(int width, int height, List<Lane> lanes, List<Box> boxes, List<Arrow> arrows,
            boolean truncated, int shown, int total) {}

    /** The swimlane of {@code steps}, or null when there is nothing to draw. */
    public static Swimlane swimlane(List<String> threads, List<Recording.Step> steps) {
        if (threads == null || threads.isEmpty() || steps == null || steps.isEmpty()) {
            return null;
        }
        List<String> lanesNames = new ArrayList<>(threads);
        for (Recording.Step s : steps) {
            if (!lanesNames.contains(s.thread())) {
                lanesNames.add(s.thread());
            }
        }
        int shown = Math.min(steps.size(), MAX_LANE_STEPS);
        int laneLabel = 16 + 8 * lanesNames.stream().mapToInt(String::length).max().orElse(10);
        int width = laneLabel + shown * STEP_WIDTH + 20;
        int height = lanesNames.size() * LANE_HEIGHT + 30;
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < lanesNames.size(); i++) {
            int y = 20 + i * LANE_HEIGHT;
            lanes.add(new Lane(y, y + LANE_HEIGHT / 2, lanesNames.get(i), width));
        }
        List<Box> boxes = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        Map<String, Box> blockedOf = new LinkedHashMap<>();
        Box previous = null;
        for (int i = 0; i < shown; i++) {
            Recording.Step s = steps.get(i);
            int lane = lanesNames.indexOf(s.thread());
            int x = laneLabel + i * STEP_WIDTH + 4;
            int y = 20 + lane * LANE_HEIGHT + (LANE_HEIGHT - BOX_HEIGHT) / 2;
            String kind = s.kind() == null ? "step" : s.kind();
            String title = s.time() + ". " + s.thread() + ": " + s.operation().strip()
                    + (s.state() == null ? "" : " — state: " + s.state());
            Box box = new Box(x, y, STEP_WIDTH - 8, BOX_HEIGHT, shorten(s.operation().strip(), 22), title,
                    "box " + kind, x + 5, y + 19);
            boxes.add(box);
            if (kind.equals("blocked")) {
                blockedOf.put(s.thread(), box);
            } else if (kind.equals("woken")) {
                Box waited = blockedOf.remove(s.thread());
                if (waited != null) {
                    arrows.add(new Arrow(waited.x() + waited.w(), waited.y() + BOX_HEIGHT / 2, box.x(),
                            box.y() + BOX_HEIGHT / 2, "wait"));
                }
                if (previous != null && !previous.title().contains(". " + s.thread() + ": ")) {
                    arrows.add(new Arrow(previous.x() + previous.w() / 2, previous.y() + (previous.y() < y ? BOX_HEIGHT : 0),
                            box.x() + 4, box.y() + (previous.y() < y ? 0 : BOX_HEIGHT), "handoff"));
                }
            }
            previous = box;
        }
        return new Swimlane(width, height, lanes, boxes, arrows, shown < steps.size(), shown, steps.size());
    }

    /** A node of a wait-for graph. */
    public record Node(String name, boolean task, int x, int y, int w, int h, int tx, int ty, int rx, int cy, boolean inCycle) {}

    /** An edge of a wait-for graph. */
    public record Edge(int x1, int y1, int x2, int y2, String label, int lx, int ly, boolean inCycle) {}

    /** A wait-for graph: tasks as boxes, locks as ovals, the cycle in red. */
    public record Graph(int width, int height, List<Node> nodes, List<Edge> edges, String explanation) {}

    /** The picture of a wait-for graph, or null when it has no edge. */
    public static Graph graph(Recording.WaitForGraph g) {
        if (g == null || g.edges() == null || g.edges().isEmpty()) {
            return null;
        }
        Set<String> order = new LinkedHashSet<>();
        List<String> cycle = g.cycle() == null ? List.of() : g.cycle();
        order.addAll(cycle);
        Set<String> tasks = new LinkedHashSet<>();
        for (Recording.Edge e : g.edges()) {
            tasks.add(e.from());
        }
        for (Recording.Edge e : g.edges()) {
            order.add(e.from());
            order.add(e.to());
        }
        List<String> names = new ArrayList<>(order);
        int n = names.size();
        int radius = Math.max(110, n * 34);
        int cx = radius + 130;
        int cy = radius + 50;
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<String> cycleNodes = new LinkedHashSet<>(cycle);
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            int x = (int) Math.round(cx + radius * Math.cos(angle));
            int y = (int) Math.round(cy + radius * Math.sin(angle));
            String name = names.get(i);
            boolean task = tasks.contains(name);
            int w = Math.max(90, Math.min(230, name.length() * 8 + 20));
            nodes.put(name, new Node(name, task, x - w / 2, y - 18, w, 36, x, y + 5, w / 2 + 6, y, cycleNodes.contains(name)));
        }
        List<Edge> edges = new ArrayList<>();
        for (Recording.Edge e : g.edges()) {
            Node from = nodes.get(e.from());
            Node to = nodes.get(e.to());
            boolean holds = e.relation().equals("holds");
            // The lecture's figure: "Holding" points from the lock to the task that holds it,
            // "Waiting for" from the task to the lock it waits for.
            Node a = holds ? to : from;
            Node b = holds ? from : to;
            int ax = a.tx();
            int ay = a.ty() - 5;
            int bx = b.tx();
            int by = b.ty() - 5;
            double len = Math.max(1, Math.hypot(bx - ax, by - ay));
            double shrinkA = 30;
            double shrinkB = 34;
            int x1 = (int) Math.round(ax + (bx - ax) * shrinkA / len);
            int y1 = (int) Math.round(ay + (by - ay) * shrinkA / len);
            int x2 = (int) Math.round(bx - (bx - ax) * shrinkB / len);
            int y2 = (int) Math.round(by - (by - ay) * shrinkB / len);
            boolean inCycle = inCycle(cycle, e);
            edges.add(new Edge(x1, y1, x2, y2, holds ? "held by" : "waits for", (x1 + x2) / 2, (y1 + y2) / 2 - 4,
                    inCycle));
        }
        return new Graph(2 * cx, 2 * cy, new ArrayList<>(nodes.values()), edges, g.explanation());
    }

    private static boolean inCycle(List<String> cycle, Recording.Edge e) {
        for (int i = 0; i + 1 < cycle.size(); i++) {
            String a = cycle.get(i);
            String b = cycle.get(i + 1);
            if (e.relation().equals("waits for") && e.from().equals(a) && e.to().equals(b)) {
                return true;
            }
            if (e.relation().equals("holds") && e.from().equals(b) && e.to().equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** One bar of a bar chart. */
    public record Bar(int y, int w, String label, String value, String cls, int ty, int vx) {}

    /** A horizontal bar chart. */
    public record Bars(String title, int width, int height, List<Bar> bars) {}

    /** The histogram of a jcstress test: log-scaled bars, forbidden outcomes in red. */
    public static Bars histogram(Report.JcstressTest test) {
        if (test.outcomes() == null || test.outcomes().isEmpty()) {
            return null;
        }
        double max = test.outcomes().stream().mapToLong(Report.Outcome::samples).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (Report.Outcome o : test.outcomes()) {
            int w = o.samples() == 0 ? 0 : (int) Math.max(2, 380 * Math.log10(1 + o.samples()) / Math.log10(1 + max));
            String cls = o.expect().equals("FORBIDDEN") ? (o.samples() > 0 ? "forbidden seen" : "forbidden")
                    : o.expect().equals("ACCEPTABLE_INTERESTING") ? "interesting" : "acceptable";
            bars.add(new Bar(y, w, shorten(o.result(), 14), String.format("%,d", o.samples())
                    + (o.expect().equals("FORBIDDEN") ? "  FORBIDDEN" : ""), cls, y + 14, 126 + w));
            y += 24;
        }
        return new Bars(test.name(), 640, y + 4, bars);
    }

    /** Bar charts of every map of numbers among a recording's details (acquisitions per thread, ...). */
    public static List<Bars> bars(Map<String, Object> details) {
        List<Bars> charts = new ArrayList<>();
        if (details == null) {
            return charts;
        }
        details.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && !map.isEmpty()
                    && map.values().stream().allMatch(v -> v instanceof Number)) {
                double max = map.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(1);
                List<Bar> bars = new ArrayList<>();
                int y = 4;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    double v = ((Number) e.getValue()).doubleValue();
                    int w = max <= 0 ? 0 : (int) Math.round(380 * v / max);
                    bars.add(new Bar(y, w, shorten(String.valueOf(e.getKey()), 14), String.valueOf(e.getValue()),
                            "acceptable", y + 14, 126 + w));
                    y += 24;
                }
                charts.add(new Bars(key, 640, y + 4, bars));
            }
        });
        return charts;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
