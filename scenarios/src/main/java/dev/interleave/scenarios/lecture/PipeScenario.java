package dev.interleave.scenarios.lecture;

import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Connection;
import dev.interleave.primitives.Pipe;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.detect.WaitFor;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.processes.ChildJvm;
import dev.interleave.scenarios.processes.PipeWorker;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.scenarios.record.Recording.Expectation;
import dev.interleave.scenarios.record.Recording.Verdict;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 14 of the lecture, slides 56 to 58: a {@code Pipe} has two ends; the master sends
 * {@code 'Is'}, {@code 'this'}, {@code 'on?'} and {@code 'end'} into its end, and the worker
 * {@code recv}s from the other and prints each message until {@code 'end'}; {@code recv} blocks
 * while the pipe is empty. The slide's output: {@code Is}, {@code this}, {@code on?}.
 *
 * <p>Between threads, over the implementation's {@code Pipe} (two messages of buffer each way, so
 * that messages queue up in the pipe and the master also waits for room): in every schedule the explorer runs, the worker prints the
 * three messages in order and ends at {@code 'end'}. Between processes, as on the slide: the
 * parent is the master and a child JVM ({@link PipeWorker}) the worker, reading its end of an
 * operating-system pipe.
 *
 * <p>The broken variant: the master never sends {@code 'end'} and never closes its end. The
 * worker prints the three messages and then waits in {@code recv} forever: nobody will send
 * again. Between threads the explorer finds every task stopped and names the worker and what it
 * waits for; between processes a watchdog sees the child waiting in {@code recv} with nothing
 * moving, names it and kills it. The fix is the sentinel {@code 'end'}; or the master closes its
 * end, and {@code recv} raises {@code ClosedPipeException} (Python's {@code EOFError}) once the
 * messages sent before are read, which ends the worker cleanly.
 */
@InterleaveTest
@DisplayName("14. Pipes")
public class PipeScenario {
    static final Case CASE = new Case("pipe", "14. Pipes");

    static final List<String> MESSAGES = List.of("Is", "this", "on?");
    static final String MASTER = "Master (conn b)";
    static final String WORKER = "Worker (conn a)";
    static final String A_MESSAGE = "a message from the master (conn.recv())";
    /** How long nothing may move, with the worker process waiting in recv, before it is stuck. */
    static final long STUCK_MS = Math.max(200, 4 * Delays.SHORT_DELAY_MS);

    /** How the master ends: the slide's sentinel, nothing at all (the bug), or closing its end. */
    enum MasterEnds {
        SENDS_END, SENDS_NOTHING, CLOSES
    }

    /** An end of the pipe whose waits are noted in the run's wait-for graph. */
    static final class Watched<T> implements Connection<T> {
        private final Connection<T> end;
        private final WaitFor waitFor;
        private final String message;
        private final String room;

        Watched(Connection<T> end, WaitFor waitFor, String message, String room) {
            this.end = end;
            this.waitFor = waitFor;
            this.message = message;
            this.room = room;
        }

        @Override
        public void send(T item) throws InterruptedException {
            waitFor.waiting(room);
            try {
                end.send(item);
            } finally {
                waitFor.done();
            }
        }

        @Override
        public T recv() throws InterruptedException {
            waitFor.waiting(message);
            try {
                return end.recv();
            } finally {
                waitFor.done();
            }
        }

        @Override
        public boolean poll(long timeout, TimeUnit unit) throws InterruptedException {
            return end.poll(timeout, unit);
        }

        @Override
        public void close() {
            end.close();
        }
    }

    /** The slide's program between two threads, over the implementation's pipe. */
    static void threads(Setup s, MasterEnds ends) {
        Pipe<String> pipe = s.primitives().pipe(2);
        WaitFor waitFor = s.primitives().waitFor();
        Connection<String> a = new Watched<>(pipe.left(), waitFor, A_MESSAGE, "room in the pipe (conn.send())");
        Connection<String> b = new Watched<>(pipe.right(), waitFor, "a message from the worker (conn.recv())",
                "room in the pipe to the worker (conn.send())");
        List<String> printed = new ArrayList<>();
        String[] ended = {"still running"};
        s.task(MASTER, t -> {
            for (String message : MESSAGES) {
                t.run("conn.send('" + message + "')", () -> b.send(message));
            }
            if (ends == MasterEnds.SENDS_END) {
                t.run("conn.send('end')", () -> b.send("end"));
            } else if (ends == MasterEnds.CLOSES) {
                t.run("conn.close()", b::close);
            }
        });
        s.task(WORKER, t -> {
            while (true) {
                String item = t.call("conn.recv()", () -> {
                    try {
                        return a.recv();
                    } catch (ClosedPipeException closed) {
                        return null;
                    }
                }, v -> v == null ? "conn.recv(): ClosedPipeException (the master closed its end)"
                        : "conn.recv() → '" + v + "'");
                if (item == null) {
                    ended[0] = "ended at ClosedPipeException";
                    break;
                }
                if (item.equals("end")) {
                    ended[0] = "ended at 'end'";
                    break;
                }
                t.run("print " + item, () -> printed.add(item));
            }
        });
        s.state("Printed", () -> String.join(" ", printed));
        s.outcome(() -> "printed " + String.join(" ", printed) + ", " + ended[0]);
        String expectedEnd = ends == MasterEnds.CLOSES ? "ended at ClosedPipeException" : "ended at 'end'";
        s.check(() -> printed.equals(MESSAGES) && ended[0].equals(expectedEnd) ? null
                : "The worker printed \"" + String.join(" ", printed) + "\" and " + ended[0]
                        + ", instead of printing Is, this, on? in order and then ending.");
    }

    static Exploration explore(MasterEnds ends) {
        return new Explorer(ImplementationUnderTest.primitives(), s -> threads(s, ends), Options.systematic()).explore();
    }

    @ExpectedSuccess
    @DisplayName("between threads, with 'end': the worker prints Is this on? in order and ends")
    void threadsWithEnd() {
        Exploration found = explore(MasterEnds.SENDS_END);
        CASE.expectSuccess("threads-with-end", found);
    }

    @ExpectedFailure
    @DisplayName("between threads, no 'end' and no close: the worker waits in recv forever")
    void threadsWithoutEnd() {
        Exploration found = explore(MasterEnds.SENDS_NOTHING);
        Recording.WaitForGraph graph = found.waitFor();
        boolean workerWaits = graph != null && graph.edges().stream().anyMatch(e -> e.from().equals(WORKER)
                && e.relation().equals("waits for") && e.to().equals(A_MESSAGE));
        List<Recording.Step> steps = new ArrayList<>(found.steps());
        if (!steps.isEmpty() && steps.get(steps.size() - 1).kind().equals("error")
                && steps.get(steps.size() - 1).operation().contains("InterruptedException")) {
            Recording.Step last = steps.remove(steps.size() - 1);
            steps.add(new Recording.Step(last.time(), last.thread(),
                    "(the explorer ends the stuck run: it interrupts the waiting conn.recv())", last.state(), "note"));
        }
        String printed = steps.isEmpty() || steps.get(steps.size() - 1).state() == null ? ""
                : steps.get(steps.size() - 1).state();
        boolean shown = found.failureEnding() == Explorer.Ending.STUCK && workerWaits
                && printed.equals(String.join(" ", MESSAGES));
        long waited = !workerWaits ? 0 : graph.edges().stream().filter(e -> e.from().equals(WORKER))
                .mapToLong(Recording.Edge::sinceMillis).max().orElse(0);
        Recording.WaitForGraph named = !workerWaits ? graph : new Recording.WaitForGraph(graph.edges(), List.of(),
                WORKER + " waits for " + A_MESSAGE + " (for " + waited + " ms); " + MASTER
                        + " has finished: nobody will send again.");
        CASE.judge(shown ? Verdict.FAILURE_SHOWN : Verdict.FAILURE_NOT_FOUND, Expectation.EXPECTED_FAILURE,
                "threads-without-end",
                shown
                        ? "The master never sends 'end' and never closes its end: the worker printed Is this on? and"
                                + " then waits in conn.recv() forever. No task can move: " + WORKER + " waits for "
                                + A_MESSAGE + " and " + MASTER + " has finished. The fix: send 'end', or close the"
                                + " pipe (recv then raises ClosedPipeException)."
                        : "not found: the worker waiting in conn.recv() forever (" + found.outcomes()
                                + (found.failed() ? "; found instead: " + found.failureMessage() : "") + ")",
                found.method(), found.shown().threads(), found.shown().stateLabel(), steps, found.outcomes(), named,
                null);
    }

    @ExpectedSuccess
    @DisplayName("between threads, the master closes its end: recv raises ClosedPipeException after on? and the worker ends")
    void threadsMasterCloses() {
        Exploration found = explore(MasterEnds.CLOSES);
        CASE.expectSuccess("threads-master-closes", found);
    }

    /** The slide's program between processes: this JVM is the master, a child JVM the worker. */
    static final class ProcessRun {
        final Trace trace = new Trace(null);
        final String master = "Master (parent)";
        final String worker = "Worker (Process-1)";
        ChildJvm child;

        ChildJvm start() {
            trace.step(master, "w.start()");
            child = ChildJvm.start("Process-1", PipeWorker.class, (c, line) -> {
                if (line.startsWith("step ")) {
                    trace.step(worker, line.substring(5));
                } else if (line.startsWith("out ")) {
                    trace.step(worker, "print " + line.substring(4));
                }
            });
            return child;
        }

        void send(String message) throws Exception {
            trace.step(master, "conn.send('" + message + "')");
            child.send(message);
        }

        /** What is wrong with the worker's run, for a worker that should have ended at 'end'; or null. */
        String problem() {
            if (!ImplementationUnderTest.name().equals(child.implementation())) {
                return "the worker process did not run the implementation under test: " + child.describe();
            }
            if (child.exitCode() == null || child.exitCode() != 0 || child.handlerFailure() != null) {
                return "the worker process failed: " + child.describe();
            }
            if (!child.printed().equals(MESSAGES)) {
                return "the worker process printed " + child.printed() + " instead of Is, this, on? in order";
            }
            return null;
        }
    }

    @ExpectedSuccess
    @DisplayName("between processes, with 'end': the worker process prints Is this on? in order and ends")
    void processesWithEnd() throws Exception {
        ProcessRun run = new ProcessRun();
        try (ChildJvm child = run.start()) {
            for (String message : MESSAGES) {
                run.send(message);
            }
            run.send("end");
            boolean ended = child.awaitExit(Delays.LONG_DELAY_MS);
            if (ended) {
                run.trace.step(run.master, "w.join()");
            }
            String problem = ended ? run.problem()
                    : "the worker process did not end within " + Delays.LONG_DELAY_MS + " ms: " + child.describe();
            CASE.judge(problem == null ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS,
                    "processes-with-end",
                    problem == null ? "The worker process printed Is, this, on? in order and ended at 'end'."
                            : problem + ".",
                    "the master is this JVM, the worker a child JVM reading its end of an operating-system pipe"
                            + " (its standard input); joined with a bound of " + Delays.LONG_DELAY_MS + " ms",
                    List.of(run.master, run.worker), null, run.trace.steps(),
                    Map.of("printed " + String.join(" ", child.printed()), 1), null,
                    Case.details("printed", child.printed(), "childImplementation", child.implementation()));
        }
    }

    @ExpectedFailure
    @DisplayName("between processes, no 'end' and no close: the worker process waits in recv forever")
    void processesWithoutEnd() throws Exception {
        ProcessRun run = new ProcessRun();
        try (ChildJvm child = run.start()) {
            for (String message : MESSAGES) {
                run.send(message);
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Delays.LONG_DELAY_MS);
            boolean stuck = false;
            while (child.isAlive() && System.nanoTime() < deadline) {
                String last = child.lastLine();
                if (child.printed().equals(MESSAGES) && last != null && last.startsWith("wait ")
                        && child.idleMillis() >= STUCK_MS) {
                    stuck = child.isAlive();
                    break;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            long idle = child.idleMillis();
            List<String> printed = child.printed();
            if (stuck) {
                run.trace.blocked(run.worker, "conn.recv(): waits (blocked)");
                run.trace.note(run.master, "watchdog: nothing moved for " + idle + " ms, Process-1 waits for "
                        + A_MESSAGE + "; kills Process-1 (its process tree)");
            }
            boolean killed = child.kill();
            boolean implementation = ImplementationUnderTest.name().equals(child.implementation());
            boolean shown = stuck && killed && implementation;
            CASE.judge(shown ? Verdict.FAILURE_SHOWN : Verdict.FAILURE_NOT_FOUND, Expectation.EXPECTED_FAILURE,
                    "processes-without-end",
                    shown
                            ? "The master never sends 'end' and never closes its end: the worker process printed"
                                    + " Is this on? and then waits in conn.recv() forever. The watchdog saw Process-1"
                                    + " alive, waiting for " + A_MESSAGE + ", nothing moving for " + idle
                                    + " ms, and killed it. The fix: send 'end', or close the pipe."
                            : "not found: the worker process waiting in conn.recv() forever (printed " + printed
                                    + (killed ? "" : "; it could not be killed")
                                    + (implementation ? "" : "; " + child.describe()) + ")",
                    "the master is this JVM, the worker a child JVM reading its end of an operating-system pipe;"
                            + " watchdog: the worker is stuck when it waits in conn.recv() and nothing moves for "
                            + STUCK_MS + " ms (bound " + Delays.LONG_DELAY_MS + " ms)",
                    List.of(run.master, run.worker), null, run.trace.steps(),
                    Map.of("printed " + String.join(" ", printed) + (stuck ? ", stuck in recv" : ""), 1),
                    stuck ? new Recording.WaitForGraph(List.of(new Recording.Edge(run.worker, "waits for", A_MESSAGE,
                            idle)), List.of(), run.worker + " waits for " + A_MESSAGE + " (for " + idle + " ms); "
                                    + run.master + " sends nothing more and keeps its end open.") : null,
                    Case.details("printed", printed, "killed", stuck ? List.of("Process-1") : List.of()));
        }
    }
}
