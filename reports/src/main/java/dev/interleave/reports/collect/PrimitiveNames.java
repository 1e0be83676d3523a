package dev.interleave.reports.collect;

import java.util.List;
import java.util.Locale;

/** Which primitive a test is about, from the names the tools give their tests. */
public final class PrimitiveNames {
    /** The primitives in the overview's order. */
    public static final List<String> ALL = List.of("Lock", "FairLock", "RLock", "Condition", "Event", "Semaphore",
            "BoundedSemaphore", "Barrier", "FifoQueue", "LifoQueue", "PriorityQueue", "Pipe", "Timer");

    private static final String[][] KEYS = {
        {"condition", "Condition"},
        {"boundedsemaphore", "BoundedSemaphore"},
        {"fairlock", "FairLock"},
        {"rlock", "RLock"},
        {"semaphore", "Semaphore"},
        {"fifoqueue", "FifoQueue"},
        {"lifoqueue", "LifoQueue"},
        {"priorityqueue", "PriorityQueue"},
        {"event", "Event"},
        {"barrier", "Barrier"},
        {"pipe", "Pipe"},
        {"timer", "Timer"},
        {"lock", "Lock"},
        {"queue", "FifoQueue"},
    };

    private PrimitiveNames() {}

    /**
     * The primitive {@code name} is about: a Surefire class name ("Lock: fairLock()", "Condition of
     * lock()"), a test class ("FairLockLinearizability", "FifoQueue_01_PutBeforeTake"), a factory
     * method ("barrier(parties)"); null when none fits.
     */
    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String text = name.toLowerCase(Locale.ROOT);
        int colon = text.indexOf(": ");
        if (colon >= 0 && !text.startsWith("condition")) {
            text = text.substring(colon + 2);
        } else if (!text.contains(" ")) {
            text = text.substring(text.lastIndexOf('.') + 1);
        }
        for (String[] key : KEYS) {
            if (text.contains(key[0])) {
                return key[1];
            }
        }
        return null;
    }

    /** How the overview names a primitive: {@code "Lock — lock()"}. */
    public static String display(String primitive) {
        return switch (primitive) {
            case "Lock" -> "Lock — lock()";
            case "FairLock" -> "Lock — fairLock()";
            case "RLock" -> "RLock — rlock()";
            case "Condition" -> "Condition — newCondition()";
            case "Event" -> "Event — event()";
            case "Semaphore" -> "Semaphore — semaphore(n)";
            case "BoundedSemaphore" -> "Semaphore — boundedSemaphore(n)";
            case "Barrier" -> "Barrier — barrier(parties)";
            case "FifoQueue" -> "Queue — fifoQueue(capacity)";
            case "LifoQueue" -> "Queue — lifoQueue(capacity)";
            case "PriorityQueue" -> "Queue — priorityQueue(capacity, order)";
            case "Pipe" -> "Pipe — pipe(capacity)";
            case "Timer" -> "Timer — timer(delay, unit, action)";
            default -> primitive;
        };
    }
}
