package dev.interleave.scenarios.processes;

import dev.interleave.primitives.Primitives;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The child's side of a {@link ChildJvm}: what a child's main class uses to talk to its parent.
 *
 * <p>The child writes one message per line on its standard output (UTF-8):
 * <ul>
 *   <li>{@code ready <class>}: the implementation under test this JVM loaded (the first line);
 *   <li>{@code step <operation>} or {@code step <operation>\t<state>}: a step for the parent's table;
 *   <li>{@code wait <what>}: the child is about to wait for {@code what};
 *   <li>{@code out <text>}: what the lecture's program prints;
 *   <li>{@code error <message>}: the child failed (it then exits with status 2);
 * </ul>
 * and a client's requests ({@code get}), answered by the parent one line each on the child's
 * standard input.
 *
 * <p>Every child bounds its own lifetime ({@value #LIFETIME_PROPERTY}, set by the parent): a child
 * whose parent was killed before it could kill the child ends by itself.
 */
public final class Child {
    /** The system property bounding a child's lifetime, in milliseconds. */
    public static final String LIFETIME_PROPERTY = "interleave.child.lifetimeMillis";

    private final String name;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private Child(String name) {
        this.name = name;
    }

    /**
     * Starts the child's side: bounds its lifetime, loads the implementation under test (the
     * parent's, through the same system properties) and announces it. The child's name is its
     * first argument.
     */
    public static Child start(String[] args) {
        Child child = new Child(args.length > 0 ? args[0] : "child");
        long lifetime = Long.getLong(LIFETIME_PROPERTY, 20_000);
        Thread bound = new Thread(() -> {
            try {
                Thread.sleep(lifetime);
            } catch (InterruptedException e) {
                return;
            }
            child.send("error " + child.name + " ran past its lifetime of " + lifetime + " ms and ends itself");
            Runtime.getRuntime().halt(3);
        }, "lifetime bound");
        bound.setDaemon(true);
        bound.start();
        try {
            child.send("ready " + Primitives.load().getClass().getName());
        } catch (RuntimeException | LinkageError e) {
            child.fail("cannot load the implementation under test: " + e);
        }
        return child;
    }

    /** The child's name, as the lecture names processes ("Process-1"). */
    public String name() {
        return name;
    }

    /** A step for the parent's table. */
    public void step(String operation) {
        send("step " + operation);
    }

    /** A step for the parent's table, with the state after it. */
    public void step(String operation, String state) {
        send("step " + operation + "\t" + state);
    }

    /** Says that the child is about to wait for {@code what}. */
    public void waiting(String what) {
        send("wait " + what);
    }

    /** Prints a line of the lecture's program. */
    public void print(String text) {
        send("out " + text);
    }

    /** Sends a request line to the parent. */
    public void request(String line) {
        send(line);
    }

    /** The next line from the parent; null when the parent closed the pipe. */
    public String receive() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports a failure and exits with status 2. */
    public void fail(String message) {
        send("error " + message);
        System.exit(2);
    }

    private synchronized void send(String line) {
        out.println(line.replace('\n', ' '));
    }
}
