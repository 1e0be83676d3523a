package dev.interleave.scenarios.processes;

/**
 * The worker of the lecture's {@code Pipe} example, as a child process:
 * <pre>
 * def worker(conn):
 *     while True:
 *         item = conn.recv()
 *         if item == 'end':
 *             break
 *         print item
 * </pre>
 * Its end of the pipe is its standard input, one message per line; it says {@code wait} before
 * each {@code conn.recv()}, so that the parent sees where it waits. When the master closes its
 * end, {@code recv} ends the loop (Python's {@code EOFError}).
 */
public final class PipeWorker {
    private PipeWorker() {}

    public static void main(String[] args) {
        Child child = Child.start(args);
        while (true) {
            child.waiting("a message in conn.recv()");
            String item = child.receive();
            if (item == null) {
                child.step("conn.recv(): EOFError (the master closed its end)");
                break;
            }
            child.step("conn.recv() → '" + item + "'");
            if (item.equals("end")) {
                break;
            }
            child.print(item);
        }
    }
}
