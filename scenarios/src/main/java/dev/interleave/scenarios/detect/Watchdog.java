package dev.interleave.scenarios.detect;

import dev.interleave.scenarios.record.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A watchdog for real threads (not the explorer's): it watches a progress counter (critical
 * sections completed, items taken, ...) and, when the counter has not moved for a window, takes
 * the {@link WaitFor} graph and reports what it shows, in the lecture's words:
 * <ul>
 *   <li>a cycle: a deadlock, "Task 1 holds Lock 1 and waits for Lock 2; Task 2 holds Lock 2 and
 *       waits for Lock 1";
 *   <li>otherwise, who waits: each waiting task with what it waits for, who holds that and
 *       since when (a starving task, a holder that ended without releasing);
 *   <li>nobody waiting: the threads are busy without getting anywhere, or have stopped.
 * </ul>
 *
 * <p>It asks nothing of the implementation under test: the graph is made of the notes that
 * {@link TrackingPrimitives} takes around the implementation's calls. It is cheap enough to
 * leave on in stress runs: the watched threads only bump their counter and the decorator's
 * map entries; the watchdog's own daemon thread reads the counter a few times per window, and
 * reads the graph only once the window has passed with no progress.
 *
 * <p>Within one stall, a report is made each time the picture changes (a deadlock may form
 * after a first look shows a single waiter); progress starts a new stall.
 *
 * <pre>{@code
 * WaitFor graph = new WaitFor();
 * Primitives tracked = new TrackingPrimitives(primitives, graph);
 * try (Watchdog dog = new Watchdog(graph, done::get, 200).start()) {
 *     ... start threads that use tracked's locks and bump done ...
 *     Watchdog.Report r = dog.awaitReport(Watchdog.Report::deadlock, 10_000);
 * }
 * }</pre>
 */
public final class Watchdog implements AutoCloseable {

    /** What a stall shows. */
    public enum Kind {
        /** Tasks wait cyclically for each other. */
        DEADLOCK,
        /** Some task waits, with no cycle: for a lock held by a task that does not let go, a signal, an item. */
        WAITING,
        /** Nobody waits: the tasks are busy without progress (a livelock?) or stopped. */
        NO_PROGRESS
    }

    /**
     * One report.
     *
     * @param kind what the stall shows
     * @param summary the lecture's sentence
     * @param quietMillis how long the progress counter had not moved
     * @param progress the counter's value
     * @param graph the wait-for graph at that moment
     */
    public record Report(Kind kind, String summary, long quietMillis, long progress, Recording.WaitForGraph graph) {
        /** Whether the report shows a deadlock. */
        public boolean deadlock() {
            return kind == Kind.DEADLOCK;
        }
    }

    private final WaitFor waitFor;
    private final LongSupplier progress;
    private final long windowNanos;
    private final Consumer<Report> listener;
    private final List<Report> reports = new ArrayList<>();
    private Poller poller;

    private long lastValue;
    private long lastChange = Long.MIN_VALUE;
    private Set<String> lastPicture;

    /** A watchdog over {@code waitFor} that reports when {@code progress} stays put for {@code windowMillis}. */
    public Watchdog(WaitFor waitFor, LongSupplier progress, long windowMillis) {
        this(waitFor, progress, windowMillis, report -> {});
    }

    /** The same, and {@code listener} hears every report (on the watchdog's thread). */
    public Watchdog(WaitFor waitFor, LongSupplier progress, long windowMillis, Consumer<Report> listener) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window " + windowMillis + " ms");
        }
        this.waitFor = waitFor;
        this.progress = progress;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
        this.listener = listener;
    }

    /** Starts watching on a daemon thread of its own, reading the counter about 8 times per window. */
    public synchronized Watchdog start() {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        poller = Poller.start("interleave-watchdog", windowNanos, this::check);
        return this;
    }

    /**
     * One look at time {@code nowNanos}: reads the counter, and when it has not moved for the
     * window, reads the graph. Returns the new report, or null when there is none (progress, a
     * window not yet passed, or the same picture as the last report of this stall). The thread
     * of {@link #start()} calls it; a test may call it with a clock of its own.
     */
    public Report check(long nowNanos) {
        long value = progress.getAsLong();
        Report report;
        synchronized (this) {
            if (lastChange == Long.MIN_VALUE || value != lastValue) {
                lastValue = value;
                lastChange = nowNanos;
                lastPicture = null;
                return null;
            }
            long quiet = nowNanos - lastChange;
            if (quiet < windowNanos) {
                return null;
            }
            Recording.WaitForGraph graph = waitFor.graph();
            Set<String> picture = picture(graph);
            if (picture.equals(lastPicture)) {
                return null;
            }
            lastPicture = picture;
            report = report(graph, TimeUnit.NANOSECONDS.toMillis(quiet), value);
            reports.add(report);
            notifyAll();
        }
        listener.accept(report);
        return report;
    }

    private static Set<String> picture(Recording.WaitForGraph graph) {
        Set<String> picture = new TreeSet<>();
        graph.edges().forEach(e -> picture.add(e.from() + " " + e.relation() + " " + e.to()));
        return picture;
    }

    private static Report report(Recording.WaitForGraph graph, long quietMillis, long value) {
        String quiet = "No progress for " + quietMillis + " ms (progress stayed at " + value + "). ";
        if (!graph.cycle().isEmpty()) {
            return new Report(Kind.DEADLOCK, quiet + graph.explanation(), quietMillis, value, graph);
        }
        boolean anyoneWaits = graph.edges().stream().anyMatch(e -> e.relation().equals("waits for"));
        if (anyoneWaits) {
            return new Report(Kind.WAITING, quiet + graph.explanation(), quietMillis, value, graph);
        }
        return new Report(Kind.NO_PROGRESS, quiet + "No task waits for a lock, a semaphore, an event or a queue: "
                + "they are busy without getting anywhere (a livelock?), or they have stopped.", quietMillis, value,
                graph);
    }

    /** Every report so far. */
    public synchronized List<Report> reports() {
        return List.copyOf(reports);
    }

    /**
     * Waits at most {@code timeoutMillis} for a report that {@code wanted} accepts (one made
     * earlier counts too); null when none came.
     */
    public synchronized Report awaitReport(Predicate<Report> wanted, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            for (Report r : reports) {
                if (wanted.test(r)) {
                    return r;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Stops watching (the reports stay readable). */
    @Override
    public void close() {
        Poller p;
        synchronized (this) {
            p = poller;
        }
        if (p != null) {
            p.close();
        }
    }
}
