package dev.interleave.scenarios.explore;

import dev.interleave.primitives.Primitives;
import dev.interleave.scenarios.detect.TrackingPrimitives;
import dev.interleave.scenarios.detect.WaitFor;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.stress.harness.Delays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Systematic exploration of the interleavings of a few tasks, each a real thread running real
 * code against the implementation under test, at the granularity of the steps the scenario
 * marks ({@link Task#call}): at every move, exactly one task is let go for one step, so the
 * order of the steps is the schedule's, not the operating system's.
 *
 * <p>Depth first, every schedule is run once (stateless, by re-execution: each run builds the
 * program afresh through the scenario's {@link Setup}), with CHESS's preemption bound: a
 * schedule switches away from a task that could go on at most {@link Options#preemptionBound}
 * times. Bugs of a few steps need one or two preemptions, and the bound keeps the number of
 * schedules polynomial.
 *
 * <p>A step may block inside the implementation (an {@code acquire} of a held lock, a
 * {@code take} from an empty queue). The explorer sees that from the thread's state (waiting,
 * timed waiting or blocked, for a settling time), records the step as "waits" and lets the
 * other tasks go on. When a later step releases it, the blocked step completes by itself and is
 * recorded then; before every move the explorer waits until such released tasks have settled,
 * so that steps still happen one at a time. When no task can move and some are blocked for
 * {@link Options#stuckMillis}, the run is stuck: the wait-for graph of the run's
 * {@link TrackingPrimitives} names the cycle (a deadlock) or who waits for what (a lost
 * wake-up, a starving task).
 *
 * <p>Nothing here depends on how the implementation is built: blocking is seen from outside,
 * and a step that neither finishes nor blocks within {@link Delays#LONG_DELAY_MS} counts as
 * blocked (a spinning wait).
 */
public final class Explorer {
    private static final long SETTLE_NANOS = TimeUnit.MICROSECONDS.toNanos(1_500);

    private final Primitives primitives;
    private final Consumer<Setup> program;
    private final Options options;

    /**
     * @param primitives the implementation under test
     * @param program builds one run's program (fresh state, fresh primitives) into the setup
     * @param options how to explore
     */
    public Explorer(Primitives primitives, Consumer<Setup> program, Options options) {
        this.primitives = primitives;
        this.program = program;
        this.options = options;
    }

    /** Explores and returns what was found. */
    public Exploration explore() {
        long start = System.nanoTime();
        List<Decision> stack = new ArrayList<>();
        List<Integer> prefix = List.of();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        Run first = null;
        Run failure = null;
        int schedules = 0;
        boolean exhausted = false;
        while (schedules < options.maxSchedules()) {
            Run run = new Run(prefix).execute();
            schedules++;
            if (first == null) {
                first = run;
            }
            outcomes.merge(run.outcome, 1, Integer::sum);
            if (run.failure != null && failure == null) {
                failure = run;
            }
            if (failure != null && options.stopAtFirstFailure()) {
                break;
            }
            if (!options.exhaustive()) {
                exhausted = true;
                break;
            }
            for (int i = prefix.size(); i < run.decisions.size(); i++) {
                Decision d = run.decisions.get(i);
                if (i < stack.size()) {
                    stack.set(i, d);
                } else {
                    stack.add(d);
                }
            }
            while (stack.size() > run.decisions.size()) {
                stack.remove(stack.size() - 1);
            }
            prefix = backtrack(stack);
            if (prefix == null) {
                exhausted = true;
                break;
            }
        }
        return new Exploration(schedules, exhausted, options, outcomes, first, failure,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The next prefix to run: the deepest decision with an untried choice within the bound. */
    private List<Integer> backtrack(List<Decision> stack) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            Decision d = stack.get(i);
            int preemptionsBefore = 0;
            for (int j = 0; j < i; j++) {
                preemptionsBefore += stack.get(j).preemption() ? 1 : 0;
            }
            for (int alternative : d.enabled) {
                if (d.tried.contains(alternative)) {
                    continue;
                }
                boolean preempts = d.previous >= 0 && d.previous != alternative && d.enabled.contains(d.previous);
                if (preemptionsBefore + (preempts ? 1 : 0) > options.preemptionBound()) {
                    continue;
                }
                d.tried.add(alternative);
                d.chosen = alternative;
                List<Integer> prefix = new ArrayList<>();
                for (int j = 0; j <= i; j++) {
                    prefix.add(stack.get(j).chosen);
                }
                while (stack.size() > i + 1) {
                    stack.remove(stack.size() - 1);
                }
                return prefix;
            }
        }
        return null;
    }

    /** One move of a run: who could go, who went. */
    static final class Decision {
        final List<Integer> enabled;
        final int previous;
        final Set<Integer> tried = new HashSet<>();
        int chosen;

        Decision(List<Integer> enabled, int previous, int chosen) {
            this.enabled = enabled;
            this.previous = previous;
            this.chosen = chosen;
            tried.add(chosen);
        }

        boolean preemption() {
            return previous >= 0 && previous != chosen && enabled.contains(previous);
        }
    }

    /** How a run ended. */
    public enum Ending {
        /** Every task finished and the check held. */
        FINISHED,
        /** Every task finished and the check failed. */
        VIOLATION,
        /** A task threw. */
        ERROR,
        /** No task could move: a deadlock, a lost wake-up, a starving task. */
        STUCK,
        /** Tasks kept moving, the progress counter did not. */
        LIVELOCK,
        /** The run did not finish within the step limit. */
        TOO_LONG
    }

    private enum Status { STARTING, READY, RUNNING, FINISHED, FAILED, ABANDONED }

    /** Thrown into a task's body to end an abandoned run. */
    private static final class Abandoned extends Error {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("run abandoned", null, false, false);
        }
    }

    /** A task's thread and what the explorer knows of it. */
    private final class TaskThread implements Task {
        final int index;
        final String name;
        final Run run;
        final Thread thread;
        final java.util.concurrent.Semaphore grant = new java.util.concurrent.Semaphore(0);
        volatile Status status = Status.STARTING;
        volatile boolean abandon;
        volatile boolean markedBlocked;
        /**
         * True only while the step's own action runs: a thread that waits for its turn, records
         * its step or runs its own code between steps is not blocked in a primitive.
         */
        volatile boolean acting;
        volatile Throwable error;
        volatile String pending = "start";
        int pausedTurns;

        TaskThread(Run run, int index, String name, Task.Body body) {
            this.run = run;
            this.index = index;
            this.name = name;
            this.thread = new Thread(() -> {
                try {
                    body.run(this);
                    status = Status.FINISHED;
                } catch (Abandoned abandoned) {
                    status = Status.ABANDONED;
                } catch (Throwable t) {
                    error = t;
                    status = Status.FAILED;
                }
                run.wake();
            }, name);
            thread.setDaemon(true);
        }

        @Override
        public String name() {
            return name;
        }

        private void awaitTurn() {
            if (abandon) {
                throw new Abandoned();
            }
            status = Status.READY;
            run.wake();
            grant.acquireUninterruptibly();
            if (abandon) {
                throw new Abandoned();
            }
        }

        @Override
        public <T> T call(String operation, Callable<T> action, Function<? super T, String> describe) throws Exception {
            pending = operation;
            awaitTurn();
            T value;
            acting = true;
            try {
                value = action.call();
            } catch (Exception | Error e) {
                acting = false;
                run.record(this, operation + ": throws " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), "error");
                throw e;
            }
            acting = false;
            run.record(this, describe.apply(value) + (markedBlocked ? " (woken, done)" : ""),
                    markedBlocked ? "woken" : "step");
            markedBlocked = false;
            return value;
        }

        @Override
        public void pause(int turns) {
            pending = "back off";
            awaitTurn();
            pausedTurns = turns;
            run.record(this, "backs off for " + turns + " turn(s)", "step");
        }
    }

    /** One run: one schedule from start to end. */
    public final class Run {
        private final List<Integer> prefix;
        private final Thread scheduler = Thread.currentThread();
        private final WaitFor waitFor = new WaitFor();
        private final List<Recording.Step> steps = new ArrayList<>();
        private final List<Decision> decisions = new ArrayList<>();
        private final List<TaskThread> tasks = new ArrayList<>();
        private Setup setup;
        Ending ending;
        String outcome;
        String failure;
        Recording.WaitForGraph graph;

        Run(List<Integer> prefix) {
            this.prefix = prefix;
        }

        /** How the run ended. */
        public Ending ending() {
            return ending;
        }

        /** The end state in a few words (or how the run ended when it did not finish). */
        public String outcome() {
            return outcome;
        }

        /** What went wrong, in the lecture's words; null when nothing did. */
        public String failure() {
            return failure;
        }

        /** The wait-for graph when the run got stuck; null otherwise. */
        public Recording.WaitForGraph graph() {
            return graph;
        }

        void wake() {
            LockSupport.unpark(scheduler);
        }

        synchronized void record(TaskThread task, String operation, String kind) {
            recordAt(steps.size(), task, operation, kind);
        }

        /**
         * Records a row at {@code index}: a step found blocked goes before the rows that the tasks
         * it released recorded meanwhile (its release came first). Nothing is recorded once the
         * run is abandoned: what a task does as it is stopped is no step of it.
         */
        synchronized void recordAt(int index, TaskThread task, String operation, String kind) {
            if (task.abandon) {
                return;
            }
            String state = null;
            if (setup.state != null) {
                try {
                    state = String.valueOf(setup.state.get());
                } catch (RuntimeException e) {
                    state = "(" + e.getClass().getSimpleName() + ")";
                }
            }
            steps.add(index, new Recording.Step(index + 1, task.name, operation, state, kind));
            for (int i = index + 1; i < steps.size(); i++) {
                Recording.Step s = steps.get(i);
                steps.set(i, new Recording.Step(i + 1, s.thread(), s.operation(), s.state(), s.kind()));
            }
        }

        public synchronized List<Recording.Step> steps() {
            return List.copyOf(steps);
        }

        public List<String> threads() {
            return List.copyOf(setup.names);
        }

        public String stateLabel() {
            return setup.stateLabel;
        }

        Run execute() {
            setup = new Setup(new TrackingPrimitives(primitives, waitFor));
            program.accept(setup);
            for (int i = 0; i < setup.names.size(); i++) {
                tasks.add(new TaskThread(this, i, setup.names.get(i), setup.bodies.get(i)));
            }
            tasks.forEach(t -> t.thread.start());
            try {
                schedule();
            } finally {
                abandonRest();
            }
            if (ending == Ending.FINISHED || ending == Ending.VIOLATION) {
                outcome = safely(setup.outcome::get);
            } else if (outcome == null) {
                outcome = ending.name().toLowerCase().replace('_', ' ');
            }
            return this;
        }

        private void schedule() {
            int previous = -1;
            long lastProgress = progress();
            int progressStep = 0;
            for (int move = 0; ; move++) {
                settle();
                List<TaskThread> failed = tasks.stream().filter(t -> t.status == Status.FAILED).toList();
                if (!failed.isEmpty()) {
                    TaskThread t = failed.get(0);
                    ending = Ending.ERROR;
                    failure = t.name + " failed: " + describe(t.error);
                    outcome = t.error.getClass().getSimpleName() + " in " + t.name;
                    return;
                }
                if (tasks.stream().allMatch(t -> t.status == Status.FINISHED)) {
                    String violation = safely(setup.violation::get);
                    ending = violation == null ? Ending.FINISHED : Ending.VIOLATION;
                    failure = violation;
                    return;
                }
                List<Integer> enabled = new ArrayList<>();
                for (TaskThread t : tasks) {
                    if (t.status == Status.READY && t.pausedTurns == 0) {
                        enabled.add(t.index);
                    }
                }
                if (enabled.isEmpty()) {
                    boolean paused = false;
                    for (TaskThread t : tasks) {
                        if (t.status == Status.READY && t.pausedTurns > 0) {
                            t.pausedTurns--;
                            paused = true;
                        }
                    }
                    if (paused) {
                        continue;
                    }
                    if (confirmStuck()) {
                        ending = Ending.STUCK;
                        graph = waitFor.graph();
                        failure = stuckMessage();
                        outcome = graph.cycle().isEmpty() ? "stuck" : "deadlock";
                        return;
                    }
                    continue;
                }
                if (move >= options.maxSteps()) {
                    ending = Ending.TOO_LONG;
                    failure = "the run did not finish within " + options.maxSteps() + " steps";
                    return;
                }
                if (setup.progress != null && options.livelockWindow() > 0) {
                    long now = progress();
                    if (now != lastProgress) {
                        lastProgress = now;
                        progressStep = move;
                    } else if (move - progressStep >= options.livelockWindow()) {
                        ending = Ending.LIVELOCK;
                        outcome = "livelock";
                        failure = "Livelock: " + String.join(" and ", setup.names) + " took "
                                + options.livelockWindow() + " steps in a row without any of them getting through"
                                + " (progress stayed at " + now + "); they keep releasing and retrying in step.";
                        return;
                    }
                }
                int chosen = choose(move, enabled, previous);
                decisions.add(new Decision(enabled, previous, chosen));
                for (TaskThread t : tasks) {
                    if (t.pausedTurns > 0) {
                        t.pausedTurns--;
                    }
                }
                TaskThread task = tasks.get(chosen);
                task.status = Status.RUNNING;
                int firstRow = steps().size();
                task.grant.release();
                awaitStep(task, firstRow);
                previous = chosen;
            }
        }

        private long progress() {
            return setup.progress == null ? 0 : setup.progress.getAsLong();
        }

        private int choose(int move, List<Integer> enabled, int previous) {
            if (move < prefix.size() && enabled.contains(prefix.get(move))) {
                return prefix.get(move);
            }
            if (options.roundRobin()) {
                for (int k = 1; k <= tasks.size(); k++) {
                    int candidate = (previous + k) % tasks.size();
                    if (enabled.contains(candidate)) {
                        return candidate;
                    }
                }
            }
            return enabled.contains(previous) ? previous : enabled.get(0);
        }

        /** Waits until the task's step completed, or it is blocked. */
        private void awaitStep(TaskThread task, int firstRow) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Delays.LONG_DELAY_MS);
            while (task.status == Status.RUNNING || task.status == Status.STARTING) {
                if (isBlocked(task) && stayedBlocked(task)) {
                    task.markedBlocked = true;
                    recordAt(firstRow, task, task.pending + ": waits (blocked)", "blocked");
                    return;
                }
                if (System.nanoTime() > deadline) {
                    task.markedBlocked = true;
                    recordAt(firstRow, task, task.pending + ": neither finishes nor blocks (spinning?)", "blocked");
                    return;
                }
                LockSupport.parkNanos(20_000);
            }
        }

        /**
         * Waits until every task that is not READY or done has settled: a blocked task either
         * completed its step or is still blocked after the settling time.
         */
        private void settle() {
            boolean anyBlocked = tasks.stream().anyMatch(t -> t.markedBlocked);
            if (anyBlocked) {
                LockSupport.parkNanos(SETTLE_NANOS);
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Delays.LONG_DELAY_MS);
            boolean again = true;
            while (again && System.nanoTime() < deadline) {
                again = false;
                for (TaskThread t : tasks) {
                    if (t.status == Status.STARTING || t.status == Status.RUNNING) {
                        if (!(isBlocked(t) && stayedBlocked(t))) {
                            again = true;
                        }
                    }
                }
                if (again) {
                    LockSupport.parkNanos(20_000);
                }
            }
        }

        private boolean isBlocked(TaskThread t) {
            Thread.State state = t.thread.getState();
            return (t.status == Status.RUNNING && t.acting || t.status == Status.STARTING)
                    && (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                        || state == Thread.State.BLOCKED);
        }

        private boolean stayedBlocked(TaskThread t) {
            for (int i = 0; i < 5; i++) {
                LockSupport.parkNanos(SETTLE_NANOS / 5);
                if (!isBlocked(t)) {
                    return false;
                }
            }
            return true;
        }

        /** No task can move: makes sure (nothing completes for stuckMillis) before calling it stuck. */
        private boolean confirmStuck() {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.stuckMillis());
            List<TaskThread> running = tasks.stream().filter(t -> t.status == Status.RUNNING).toList();
            if (running.isEmpty()) {
                return false; // nobody is in a step: the tasks are between steps or ending
            }
            while (System.nanoTime() < deadline) {
                for (TaskThread t : running) {
                    if (t.status != Status.RUNNING) {
                        return false; // its step completed after all: the task went on, finished or failed
                    }
                }
                for (TaskThread t : tasks) {
                    if (t.status != Status.RUNNING && t.status != Status.STARTING && t.markedBlocked) {
                        return false;
                    }
                    if (t.status == Status.READY) {
                        return false;
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            return true;
        }

        private String stuckMessage() {
            List<String> blocked = tasks.stream().filter(t -> t.status == Status.RUNNING).map(t -> t.name).toList();
            if (!graph.cycle().isEmpty()) {
                return graph.explanation();
            }
            return "No task can move: " + String.join(", ", blocked) + (blocked.size() == 1 ? " waits" : " wait")
                    + " forever. " + graph.explanation();
        }

        private void abandonRest() {
            for (TaskThread t : tasks) {
                t.abandon = true;
                t.grant.release();
            }
            for (TaskThread t : tasks) {
                if (t.thread.isAlive() && t.status == Status.RUNNING) {
                    t.thread.interrupt();
                }
            }
            for (TaskThread t : tasks) {
                try {
                    t.thread.join(t.status == Status.RUNNING ? 20 : 2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private String safely(java.util.function.Supplier<String> value) {
            try {
                return value.get();
            } catch (RuntimeException e) {
                return "the check threw " + describe(e);
            }
        }
    }

    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
