package dev.interleave.stress.jcstress.gate;

import dev.interleave.stress.harness.ProcessTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One run of {@code org.openjdk.jcstress.Main} in a child JVM, bounded in wall-clock time.
 *
 * <p>The child's output goes, whole, to a file beside jcstress's HTML report; what {@code echo}
 * makes of a line (nothing, when it returns null) is also printed as it comes. When the budget runs out, the child and
 * every JVM it forked are killed.
 */
final class JcstressRun {
    /** The file, in the results directory, that receives all of jcstress's console output. */
    static final String OUTPUT_FILE = "jcstress-output.txt";

    /**
     * How a run ended.
     *
     * @param exitCode the child's exit code, -1 when it was killed
     * @param timedOut whether the budget ran out and the child was killed
     * @param elapsed the wall-clock time of the run
     * @param fatalLines jcstress's own {@code FATAL:} and {@code ERROR:} lines, and uncaught exceptions
     */
    record Ending(int exitCode, boolean timedOut, Duration elapsed, List<String> fatalLines) {}

    private final List<String> command;
    private final Path workingDirectory;
    private final UnaryOperator<String> echo;
    private final PrintStream console;

    JcstressRun(List<String> command, Path workingDirectory, UnaryOperator<String> echo, PrintStream console) {
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.echo = echo;
        this.console = console;
    }

    /** Runs jcstress and waits at most {@code budget} for it. */
    Ending runWithin(Duration budget) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .start();
        Thread killOnExit = new Thread(() -> killTree(process), "jcstress-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        List<String> fatalLines = new ArrayList<>();
        Thread pump = pump(process, fatalLines);
        boolean finished = process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            killTree(process);
            process.waitFor(30, TimeUnit.SECONDS);
        }
        pump.join(TimeUnit.SECONDS.toMillis(30));
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        synchronized (fatalLines) {
            return new Ending(finished ? process.exitValue() : -1, !finished, elapsed, List.copyOf(fatalLines));
        }
    }

    private Thread pump(Process process, List<String> fatalLines) throws IOException {
        Writer log = Files.newBufferedWriter(workingDirectory.resolve(OUTPUT_FILE), StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> {
            try (log; BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean probingVm = false;
                while ((line = out.readLine()) != null) {
                    log.write(line);
                    log.write(System.lineSeparator());
                    // While jcstress probes the VM, a failed probe prints an exception that it
                    // then reports as a harmless [N/A]; anywhere else an exception is fatal.
                    probingVm = line.startsWith("Initializing and probing") || probingVm && !line.startsWith("Probing");
                    boolean exception = line.startsWith("Exception in thread") && !probingVm;
                    if (line.startsWith("FATAL:") || line.startsWith("ERROR:") || exception) {
                        synchronized (fatalLines) {
                            fatalLines.add(line);
                        }
                    }
                    String shown = echo.apply(line);
                    if (shown != null) {
                        console.println(shown);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "jcstress-output");
        pump.setDaemon(true);
        pump.start();
        return pump;
    }

    /** Kills jcstress and the JVMs it forked. */
    private static void killTree(Process process) {
        ProcessTrees.destroy(process.toHandle());
    }
}
