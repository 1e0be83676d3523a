package dev.interleave.reports.grade.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The main class of a grader's child JVM: runs checks of one tool against a submission and sends
 * every verdict over the {@link Channel}.
 *
 * <p>Before the first class of the submission can load (the JVM runs under
 * {@link dev.interleave.reports.grade.sandbox.SubmissionGuard} from its start), it takes the
 * standard output for the channel alone and points {@code System.out} and {@code System.err} to
 * standard error, reads the key and the {@link ChildConfig} from standard input and closes it.
 * When the checks are done it sends {@code done} and halts, whatever threads the submission left.
 */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        FileOutputStream verdicts = new FileOutputStream(FileDescriptor.out);
        PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
        byte[] input = System.in.readAllBytes();
        System.setIn(new ByteArrayInputStream(new byte[0]));
        int newline = indexOf(input, (byte) '\n');
        if (newline < 0) {
            log.println("interleave-grader child: no key on standard input");
            Runtime.getRuntime().halt(4);
        }
        byte[] key = HexFormat.of().parseHex(new String(input, 0, newline, StandardCharsets.US_ASCII).trim());
        ChildConfig config = new ObjectMapper().readValue(Arrays.copyOfRange(input, newline + 1, input.length),
                ChildConfig.class);
        Arrays.fill(input, (byte) 0);
        Channel channel = new Channel(new BufferedOutputStream(verdicts), key);
        Arrays.fill(key, (byte) 0);

        config.properties().forEach(System::setProperty);
        System.setProperty("interleave.primitives", config.primitives());
        Path work = Path.of(config.work());
        Files.createDirectories(work);
        Battery tool = Battery.of(config.tool());
        try {
            if (tool.isJUnit()) {
                new JUnitChecks(channel, work).run(config.checks());
            } else {
                new JcstressChecks(channel, work, config).run();
            }
            channel.send(Message.done());
        } catch (Throwable t) {
            channel.send(Message.note("the " + tool.id() + " run stopped: " + t));
            t.printStackTrace(log);
        }
        log.flush();
        Runtime.getRuntime().halt(0);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
