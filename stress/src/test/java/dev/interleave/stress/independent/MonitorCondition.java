package dev.interleave.stress.independent;

import dev.interleave.primitives.Condition;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A condition of a {@link BaseLock}. Each waiter waits on its own node object; the queue of
 * nodes is only touched by threads that hold the bound lock, so the lock guards it.
 *
 * <p>No lost wake-up: a waiter puts its node in the queue while it still holds the lock, and
 * only then lets the lock go; a signaller holds the lock, so it sees every registered node.
 * The node's state (guarded by the node) settles the race between a signal and a waiter that
 * gives up: whichever changes WAITING first wins. A signaller that meets a CANCELLED node moves
 * on to the next one, so a signal is never swallowed by a waiter that timed out or was
 * interrupted.
 */
final class MonitorCondition implements Condition {
    private static final int WAITING = 0;
    private static final int SIGNALLED = 1;
    private static final int CANCELLED = 2;

    private static final class Node {
        int state = WAITING; // guarded by this node
    }

    private final BaseLock lock;
    private final ArrayDeque<Node> waiters = new ArrayDeque<>(); // guarded by lock

    MonitorCondition(BaseLock lock) {
        this.lock = lock;
    }

    private void checkHeld() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("the calling thread does not hold the condition's lock");
        }
    }

    @Override
    public void await() throws InterruptedException {
        checkHeld();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        block(false, 0L);
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        checkHeld();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (nanos <= 0) {
            return false;
        }
        return block(true, nanos);
    }

    @Override
    public boolean awaitUntil(BooleanSupplier predicate, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        long nanos = unit.toNanos(timeout);
        checkHeld();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        boolean result = predicate.getAsBoolean();
        if (result || nanos <= 0) {
            return result;
        }
        long deadline = System.nanoTime() + nanos;
        while (!result) {
            long left = Waits.remaining(deadline);
            if (left <= 0) {
                break;
            }
            block(true, left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /**
     * Registers, lets the lock go, waits for a signal (or the time, or an interrupt), takes the
     * lock back with all its holds.
     *
     * @return true if signalled, false if the time ran out
     */
    private boolean block(boolean timed, long nanos) throws InterruptedException {
        Node node = new Node();
        waiters.addLast(node);
        int holds = lock.releaseAll();
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        boolean interrupted = false;
        boolean signalled;
        synchronized (node) {
            while (node.state == WAITING) {
                try {
                    if (!timed) {
                        node.wait();
                    } else {
                        long left = Waits.remaining(deadline);
                        if (left <= 0) {
                            break;
                        }
                        Waits.waitNanos(node, left);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
            if (node.state == WAITING) {
                node.state = CANCELLED;
            }
            signalled = node.state == SIGNALLED;
        }
        lock.reacquire(holds);
        if (signalled) {
            if (interrupted) {
                // The signal came first: keep it, and keep the interrupt for later.
                Thread.currentThread().interrupt();
            }
            return true;
        }
        waiters.remove(node);
        if (interrupted) {
            Thread.interrupted();
            throw new InterruptedException();
        }
        return false;
    }

    @Override
    public void signal() {
        checkHeld();
        Node node;
        while ((node = waiters.pollFirst()) != null) {
            if (wake(node)) {
                return;
            }
        }
    }

    @Override
    public void signalAll() {
        checkHeld();
        Node node;
        while ((node = waiters.pollFirst()) != null) {
            wake(node);
        }
    }

    private static boolean wake(Node node) {
        synchronized (node) {
            if (node.state != WAITING) {
                return false;
            }
            node.state = SIGNALLED;
            node.notify();
            return true;
        }
    }
}
