package dev.interleave.scenarios.detect;

import dev.interleave.scenarios.record.Recording;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds which lock and who waits for what, as noted by {@link TrackingPrimitives}: the
 * wait-for graph of a running program, for any implementation of the contract (it needs no
 * owner field, no cooperation: the decorator notes "waits for L" before it calls the
 * implementation's acquire and "holds L" after it returned).
 *
 * <p>Cheap enough to leave on: a note is one put into a concurrent map. The graph is read by
 * {@link #graph()}: the cycle if there is one, named by task and lock as the lecture names them
 * ("Task 1 holds Lock 1 and waits for Lock 2"), and otherwise the longest wait with who holds
 * what it waits for, which names a starving task.
 */
public final class WaitFor {
    private record Since(String what, long nanos) {}

    private final Map<Thread, Since> waiting = new ConcurrentHashMap<>();
    /** Per lock (or semaphore), the threads holding it and since when (an RLock's holder once). */
    private final Map<String, Map<Thread, Long>> holders = new ConcurrentHashMap<>();

    /** Notes that the calling thread is about to wait for {@code what}. */
    public void waiting(String what) {
        waiting.put(Thread.currentThread(), new Since(what, System.nanoTime()));
    }

    /** Notes that the calling thread no longer waits. */
    public void done() {
        waiting.remove(Thread.currentThread());
    }

    /** Notes that the calling thread holds {@code lock} (again: the first time counts). */
    public void holds(String lock) {
        waiting.remove(Thread.currentThread());
        holders.computeIfAbsent(lock, k -> new ConcurrentHashMap<>())
                .putIfAbsent(Thread.currentThread(), System.nanoTime());
    }

    /** Notes that the calling thread no longer holds {@code lock}. */
    public void released(String lock) {
        Map<Thread, Long> held = holders.get(lock);
        if (held != null) {
            held.remove(Thread.currentThread());
        }
    }

    /** Whether some thread waits. */
    public boolean anyoneWaiting() {
        return !waiting.isEmpty();
    }

    /**
     * The wait-for graph now: every holds and waits-for edge, the cycle (tasks waiting cyclically
     * for each other) if there is one, and an explanation in the lecture's words.
     */
    public Recording.WaitForGraph graph() {
        long now = System.nanoTime();
        List<Recording.Edge> edges = new ArrayList<>();
        holders.forEach((lock, threads) -> threads.forEach((thread, since) ->
                edges.add(new Recording.Edge(thread.getName(), "holds", lock, (now - since) / 1_000_000))));
        waiting.forEach((thread, since) ->
                edges.add(new Recording.Edge(thread.getName(), "waits for", since.what(), (now - since.nanos()) / 1_000_000)));
        edges.sort((a, b) -> (a.from() + a.relation() + a.to()).compareTo(b.from() + b.relation() + b.to()));
        List<String> cycle = cycle();
        return new Recording.WaitForGraph(edges, cycle, explain(cycle, now));
    }

    /** The cycle as thread, lock, thread, lock, ..., first thread again; empty when there is none. */
    public List<String> cycle() {
        for (Thread start : sortedWaiters()) {
            List<String> path = new ArrayList<>();
            Set<Thread> seen = new LinkedHashSet<>();
            Thread current = start;
            while (current != null && seen.add(current)) {
                Since wait = waiting.get(current);
                if (wait == null) {
                    break;
                }
                path.add(current.getName());
                path.add(wait.what());
                current = holderOf(wait.what(), current);
            }
            if (current != null && current == start) {
                path.add(start.getName());
                return path;
            }
        }
        return List.of();
    }

    private List<Thread> sortedWaiters() {
        List<Thread> threads = new ArrayList<>(waiting.keySet());
        threads.sort((a, b) -> a.getName().compareTo(b.getName()));
        return threads;
    }

    /** A holder of {@code lock}: the waiter itself if it holds it (a self-deadlock), else the first other. */
    private Thread holderOf(String lock, Thread waiter) {
        Map<Thread, Long> held = holders.get(lock);
        if (held == null || held.isEmpty()) {
            return null;
        }
        if (held.containsKey(waiter)) {
            return waiter;
        }
        return held.keySet().stream().sorted((a, b) -> a.getName().compareTo(b.getName())).findFirst().orElse(null);
    }

    private String explain(List<String> cycle, long now) {
        if (!cycle.isEmpty()) {
            StringBuilder text = new StringBuilder("Deadlock: ");
            for (int i = 0; i + 2 < cycle.size(); i += 2) {
                String task = cycle.get(i);
                String wanted = cycle.get(i + 1);
                String held = heldBy(task);
                if (i > 0) {
                    text.append("; ");
                }
                text.append(task).append(held.isEmpty() ? "" : " holds " + held + " and")
                        .append(" waits for ").append(wanted);
            }
            return text.append(". The tasks wait cyclically for each other.").toString();
        }
        if (waiting.isEmpty()) {
            return "No thread waits.";
        }
        StringBuilder text = new StringBuilder();
        for (Thread thread : sortedWaiters()) {
            Since wait = waiting.get(thread);
            if (wait == null) {
                continue;
            }
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(thread.getName()).append(" waits for ").append(wait.what())
                    .append(" (for ").append((now - wait.nanos()) / 1_000_000).append(" ms)");
            Map<Thread, Long> held = holders.getOrDefault(wait.what(), Map.of());
            if (held.isEmpty()) {
                text.append(", held by nobody");
            } else {
                held.forEach((holder, since) -> text.append(", held by ").append(holder.getName())
                        .append(" (for ").append((now - since) / 1_000_000).append(" ms")
                        .append(holder.isAlive() ? ")" : ", which has ended without releasing it)"));
            }
        }
        return text.append('.').toString();
    }

    /** The locks {@code task} holds, joined with "and". */
    private String heldBy(String task) {
        List<String> locks = new ArrayList<>();
        holders.forEach((lock, threads) -> {
            if (threads.keySet().stream().anyMatch(t -> t.getName().equals(task))) {
                locks.add(lock);
            }
        });
        locks.sort(String::compareTo);
        return String.join(" and ", locks);
    }
}
