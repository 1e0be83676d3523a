package dev.interleave.scenarios.processes;

import dev.interleave.primitives.Primitives;
import dev.interleave.stress.harness.Delays;
import dev.interleave.stress.harness.ProcessTrees;
import dev.interleave.stress.harness.Sandboxing;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running one of this package's main classes: the parent's side of a
 * {@link Child}.
 *
 * <p>The child is {@code <java.home>/bin/java -Xmx64m -cp <this JVM's class path> <main> <name>
 * <args>}, with the system properties that name the implementation under test
 * ({@code interleave.primitives}, {@code interleave.classpath}, {@code interleave.basedir}) and
 * the time factor forwarded, so that it loads the very implementation the parent tests (and a
 * grader's sandbox, {@link dev.interleave.stress.harness.Sandboxing}, when there is one). Under
 * Surefire the class path may be one manifest-only jar; it names every entry, and the locations
 * of this module's and the contract's classes are added in any case.
 *
 * <p>Nothing escapes: one daemon thread reads the child's standard output line by line (handing
 * each line to the scenario's {@link LineHandler}) and another drains its standard error, so the
 * child never blocks on a full pipe; the child bounds its own lifetime ({@link Child#LIFETIME_PROPERTY},
 * the length of a test method); {@link #close()} kills what is left of its process tree
 * ({@code destroyForcibly} on every descendant and on the child), and a shutdown hook does the
 * same for children still alive when the test JVM exits.
 */
public final class ChildJvm implements AutoCloseable {
    /** What the parent does with each line the child writes; runs in the child's reader thread. */
    @FunctionalInterface
    public interface LineHandler {
        void line(ChildJvm child, String line) throws Exception;
    }

    private static final Set<ChildJvm> LIVE = ConcurrentHashMap.newKeySet();
    private static final String[] FORWARDED = {
        "interleave.primitives", "interleave.classpath", "interleave.basedir", "interleave.timeFactor"};

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildJvm::destroyTree),
                "kill child JVMs"));
    }

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final Thread reader;
    private final Thread drainer;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private volatile long lastLineNanos = System.nanoTime();
    private volatile String implementation;
    private volatile Throwable handlerFailure;

    private ChildJvm(String name, Process process, LineHandler handler) {
        this.name = name;
        this.process = process;
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
        this.reader = new Thread(() -> read(handler), "pipe from " + name);
        this.drainer = new Thread(this::drain, "stderr of " + name);
        reader.setDaemon(true);
        drainer.setDaemon(true);
    }

    /**
     * Starts a child JVM running {@code main} with the arguments {@code name, args...};
     * {@code handler} gets every line the child writes on its standard output.
     */
    public static ChildJvm start(String name, Class<?> main, LineHandler handler, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-UsePerfData");
        for (String property : FORWARDED) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                command.add("-D" + property + "=" + value.trim());
            }
        }
        command.addAll(Sandboxing.jvmOptions());
        command.add("-D" + Child.LIFETIME_PROPERTY + "=" + Delays.TEST_TIMEOUT_MS);
        command.add("-cp");
        command.add(classPath(main));
        command.add(main.getName());
        command.add(name);
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the child JVM " + name + ": " + e.getMessage(), e);
        }
        ChildJvm child = new ChildJvm(name, process, handler == null ? (c, line) -> { } : handler);
        LIVE.add(child);
        child.reader.start();
        child.drainer.start();
        return child;
    }

    /** This JVM's class path, plus where this module's and the contract's classes come from. */
    static String classPath(Class<?> main) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        for (Class<?> type : new Class<?>[] {main, Primitives.class, Delays.class}) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                try {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: the class path above has to do
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private void read(LineHandler handler) {
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                lastLineNanos = System.nanoTime();
                if (line.startsWith("ready ")) {
                    implementation = line.substring("ready ".length());
                }
                if (handlerFailure == null) {
                    try {
                        handler.line(this, line);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception | Error e) {
                        handlerFailure = e;
                    }
                }
            }
        } catch (IOException e) {
            // the child was killed while we read: its output ends here
        }
    }

    private void drain() {
        byte[] buffer = new byte[4096];
        try (InputStream err = process.getErrorStream()) {
            for (int n = err.read(buffer); n >= 0; n = err.read(buffer)) {
                synchronized (stderr) {
                    stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > 8192) {
                        stderr.delete(0, stderr.length() - 8192);
                    }
                }
            }
        } catch (IOException e) {
            // the child was killed
        }
    }

    /** The child's name ("Process-1"). */
    public String name() {
        return name;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Writes one line to the child's standard input. */
    public void send(String line) throws IOException {
        synchronized (stdin) {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        }
    }

    /** Closes the child's standard input: it reads end-of-file. */
    public void closeInput() {
        synchronized (stdin) {
            try {
                stdin.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's exit status; null while it runs. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /**
     * Waits at most {@code millis} for the child to exit and for its output to be read to the
     * end; true if both happened.
     */
    public boolean awaitExit(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        drainer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        return !reader.isAlive();
    }

    /** Every line the child wrote so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The last line the child wrote, or null. */
    public String lastLine() {
        synchronized (lines) {
            return lines.isEmpty() ? null : lines.get(lines.size() - 1);
        }
    }

    /** What the lecture's program printed: the {@code out} lines, without their prefix. */
    public List<String> printed() {
        return lines().stream().filter(l -> l.startsWith("out ")).map(l -> l.substring(4)).toList();
    }

    /** Milliseconds since the child last wrote a line (or started). */
    public long idleMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastLineNanos);
    }

    /** The implementation the child announced ({@code ready}), or null. */
    public String implementation() {
        return implementation;
    }

    /** The child's {@code error} line, or null. */
    public String error() {
        return lines().stream().filter(l -> l.startsWith("error ")).map(l -> l.substring(6)).findFirst().orElse(null);
    }

    /** What the line handler threw, or null. */
    public Throwable handlerFailure() {
        return handlerFailure;
    }

    /** The end of what the child wrote on its standard error. */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString().strip();
        }
    }

    /**
     * Kills the child and its descendants ({@code destroyForcibly}), stops the thread serving it
     * (an interrupt, for a handler waiting on the parent's side) and waits, bounded, until all is
     * gone; true when the child is dead.
     */
    public boolean kill() throws InterruptedException {
        destroyTree();
        boolean dead = process.waitFor(Delays.LONG_DELAY_MS, TimeUnit.MILLISECONDS);
        reader.interrupt();
        reader.join(Delays.LONG_DELAY_MS);
        drainer.join(Delays.SHORT_DELAY_MS);
        if (dead) {
            LIVE.remove(this);
        }
        return dead;
    }

    private void destroyTree() {
        ProcessTrees.destroy(process.toHandle());
    }

    /** One line on the child for a failure message: its status, error and standard error. */
    public String describe() {
        Integer code = exitCode();
        String err = stderr();
        return name + " (pid " + pid() + ", " + (code == null ? "still running" : "exit status " + code)
                + (error() == null ? "" : ", error: " + error())
                + (err.isEmpty() ? "" : ", standard error: " + err.substring(Math.max(0, err.length() - 600))) + ")";
    }

    /** Kills the child if it still runs, and stops the threads serving it. */
    @Override
    public void close() {
        closeInput();
        try {
            kill();
        } catch (InterruptedException e) {
            destroyTree();
            Thread.currentThread().interrupt();
        } finally {
            if (!process.isAlive()) {
                LIVE.remove(this);
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
