package dev.interleave.reports.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.reports.grade.child.Battery;
import dev.interleave.reports.grade.child.Channel;
import dev.interleave.reports.grade.child.ChildConfig;
import dev.interleave.reports.grade.child.ChildMain;
import dev.interleave.reports.grade.child.Message;
import dev.interleave.reports.grade.sandbox.SubmissionGuard;
import dev.interleave.stress.harness.ProcessTrees;
import dev.interleave.stress.harness.Sandboxing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One child JVM of the grader, seen from the grader: started under the sandbox with a memory
 * limit, handed a fresh key and its work on standard input, read for authentic records on its
 * standard output (everything else there is counted and dropped), its standard error kept in a
 * bounded log, and killed with every process it started.
 */
final class ChildProcess implements AutoCloseable {
    static final long MAX_LINE = 32L << 20;
    static final long MAX_LOG = 4L << 20;
    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildProcess::destroyTree),
                "kill the grader's child JVMs"));
    }

    /** What came out of the child: a record, or the end of its output. */
    record Event(Message message, boolean ended) {}

    private final Process process;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger noise = new AtomicInteger();
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a child JVM for {@code config}, with {@code memory} MB of heap. */
    static ChildProcess start(GraderClasspath grader, Path submissionClasses, ChildConfig config, int memory, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + memory + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        if (config.tool().equals(Battery.LINCHECK.id())) {
            // Lincheck's instrumented code keeps C2 compiling for most of a run; its verdicts do not
            // depend on the compiler. The other tools keep the JVM's compilers, as in a build.
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-UsePerfData");
        command.add("-Djava.security.manager=" + SubmissionGuard.class.getName());
        command.add("-D" + Sandboxing.SUBMISSION_PROPERTY + "=" + submissionClasses.toAbsolutePath());
        command.add("-cp");
        command.add(grader.with(submissionClasses));
        command.add(ChildMain.class.getName());
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .directory(Path.of(config.work()).toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        LIVE.add(process.toHandle());
        ChildProcess child = new ChildProcess(process, log);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Channel.Verifier verifier = Channel.verifier(key);
        child.startReaders(verifier);
        try (OutputStream in = process.getOutputStream()) {
            in.write((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
            in.write(new ObjectMapper().writeValueAsBytes(config));
        } catch (IOException e) {
            // The child died before reading its input; its end is reported as an event.
        }
        java.util.Arrays.fill(key, (byte) 0);
        return child;
    }

    private void startReaders(Channel.Verifier verifier) {
        Thread reader = new Thread(() -> readChannel(process.getInputStream(), verifier), "channel of " + process.pid());
        Thread drainer = new Thread(() -> drainLog(process.getErrorStream()), "log of " + process.pid());
        reader.setDaemon(true);
        drainer.setDaemon(true);
        reader.start();
        drainer.start();
    }

    private void readChannel(InputStream in, Channel.Verifier verifier) {
        try (in) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean overlong = false;
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (!overlong) {
                            Message m = verifier.read(line.toString(StandardCharsets.US_ASCII));
                            if (m == null) {
                                noise.incrementAndGet();
                            } else {
                                events.add(new Event(m, false));
                            }
                        } else {
                            noise.incrementAndGet();
                        }
                        line.reset();
                        overlong = false;
                    } else if (!overlong) {
                        line.write(b);
                        if (line.size() > MAX_LINE) {
                            overlong = true;
                            line.reset();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone
        } finally {
            events.add(new Event(null, true));
        }
    }

    private void drainLog(InputStream in) {
        try (in; OutputStream out = Files.newOutputStream(log)) {
            byte[] buffer = new byte[65536];
            long written = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (written < MAX_LOG) {
                    int keep = (int) Math.min(n, MAX_LOG - written);
                    out.write(buffer, 0, keep);
                    written += keep;
                    if (written >= MAX_LOG) {
                        out.write("\n[the rest of the log was dropped]\n".getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    /** The next event, or null after {@code millis}. */
    Event next(long millis) throws InterruptedException {
        return events.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    /** Lines on the channel that were not authentic records. */
    int noise() {
        return noise.get();
    }

    /** How the process ended, once it has (waits up to {@code millis}): null when it is still running. */
    Integer exitCode(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** The last lines of the child's log, for a message. */
    String logTail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 16384);
            file.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            file.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        destroyTree(process.toHandle());
        LIVE.remove(process.toHandle());
    }

    /** Kills {@code process} and every process it started, and waits (bounded) until it is gone. */
    static void destroyTree(ProcessHandle process) {
        ProcessTrees.destroy(process);
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // destroyForcibly was sent; nothing more to do
        }
    }
}
