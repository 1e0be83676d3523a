package dev.interleave.scenarios.processes;

/**
 * The worker of the lecture's {@code multiprocessing.Queue} solution, as a child process:
 * <pre>
 * def worker(items):
 *     for i in itertools.count():
 *         item = items.get()
 *         if item == 'end':
 *             break
 *     print current_process().name, 'processed %i items.' % i
 * </pre>
 * The queue lives in the parent; {@code items.get()} here is its end of the pipe to it, as a
 * process's end of a {@code multiprocessing.Queue} is: the child writes {@code get} on its
 * standard output and reads the item the parent took from the queue on its standard input.
 * It waits there as long as the parent's queue is empty.
 */
public final class QueueClient {
    private QueueClient() {}

    public static void main(String[] args) {
        Child child = Child.start(args);
        int i;
        for (i = 0; ; i++) {
            child.request("get");
            String item = child.receive();
            if (item == null) {
                child.fail(child.name() + ": the pipe to the parent's queue was closed while it waited in items.get()");
                return;
            }
            if (item.equals("end")) {
                break;
            }
        }
        child.print(child.name() + " processed " + i + " items.");
    }
}
