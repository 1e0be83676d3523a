package dev.interleave.scenarios.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A livelock detector for real threads: the threads are busy (an activity counter moves:
 * attempts, retries, steps taken) but no useful work gets done (a progress counter, such as
 * critical sections completed, does not move) for a whole window. That is the livelock of the
 * lecture's "release the first lock and try again": both tasks keep releasing and retrying in
 * step, and neither ever gets both locks.
 *
 * <p>Threads that stop altogether (blocked, or ended) are not a livelock: the activity counter
 * stays put too, and the detector stays quiet ({@link Watchdog} names who waits for what).
 *
 * <p>Cheap: the watched threads bump two counters; the detector's daemon thread reads them a
 * few times per window.
 */
public final class Livelock implements AutoCloseable {

    /**
     * One report.
     *
     * @param summary the lecture's sentence
     * @param quietMillis how long the progress counter had not moved
     * @param activity how many steps were taken in that time
     * @param progress the progress counter's value
     */
    public record Report(String summary, long quietMillis, long activity, long progress) {}

    private final String who;
    private final LongSupplier activity;
    private final LongSupplier progress;
    private final long windowNanos;
    private final Consumer<Report> listener;
    private final List<Report> reports = new ArrayList<>();
    private Poller poller;

    private long progressValue;
    private long activityAtChange;
    private long lastChange = Long.MIN_VALUE;
    private boolean reportedThisStall;
    private long activityValue;
    private long activityChange;

    /**
     * @param who the threads watched, for the report ("Task 1 and Task 2")
     * @param activity counts steps taken (attempts, retries)
     * @param progress counts useful work done (critical sections completed)
     * @param windowMillis how long activity without progress makes a livelock
     */
    public Livelock(String who, LongSupplier activity, LongSupplier progress, long windowMillis) {
        this(who, activity, progress, windowMillis, report -> {});
    }

    /** The same, and {@code listener} hears every report (on the detector's thread). */
    public Livelock(String who, LongSupplier activity, LongSupplier progress, long windowMillis,
            Consumer<Report> listener) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window " + windowMillis + " ms");
        }
        this.who = who;
        this.activity = activity;
        this.progress = progress;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
        this.listener = listener;
    }

    /** Starts watching on a daemon thread of its own, reading the counters about 8 times per window. */
    public synchronized Livelock start() {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        poller = Poller.start("interleave-livelock-detector", windowNanos, this::check);
        return this;
    }

    /**
     * One look at time {@code nowNanos}: returns a new report when progress has not moved for
     * the window, while activity did and still does (it moved within the last half window);
     * null otherwise (one report per stall). The thread of
     * {@link #start()} calls it; a test may call it with a clock of its own.
     */
    public Report check(long nowNanos) {
        long done = progress.getAsLong();
        long busy = activity.getAsLong();
        Report report;
        synchronized (this) {
            if (lastChange == Long.MIN_VALUE || busy != activityValue) {
                activityValue = busy;
                activityChange = nowNanos;
            }
            if (lastChange == Long.MIN_VALUE || done != progressValue) {
                progressValue = done;
                activityAtChange = busy;
                lastChange = nowNanos;
                reportedThisStall = false;
                return null;
            }
            long quiet = nowNanos - lastChange;
            if (quiet < windowNanos || reportedThisStall) {
                return null;
            }
            long steps = busy - activityAtChange;
            if (steps <= 0 || nowNanos - activityChange > windowNanos / 2) {
                return null; // not busy (any more): stopped or blocked, not a livelock
            }
            reportedThisStall = true;
            long quietMillis = TimeUnit.NANOSECONDS.toMillis(quiet);
            report = new Report("Livelock: " + who + " took " + steps + " steps in " + quietMillis
                    + " ms without any of them getting through (progress stayed at " + done
                    + "); they are busy, but nothing gets done.", quietMillis, steps, done);
            reports.add(report);
            notifyAll();
        }
        listener.accept(report);
        return report;
    }

    /** Every report so far. */
    public synchronized List<Report> reports() {
        return List.copyOf(reports);
    }

    /** Waits at most {@code timeoutMillis} for a report (one made earlier counts); null when none came. */
    public synchronized Report awaitReport(long timeoutMillis) throws InterruptedException {
        return awaitReport(r -> true, timeoutMillis);
    }

    /** Waits at most {@code timeoutMillis} for a report that {@code wanted} accepts; null when none came. */
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
