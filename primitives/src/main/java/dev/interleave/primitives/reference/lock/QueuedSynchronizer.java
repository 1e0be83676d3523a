package dev.interleave.primitives.reference.lock;

import dev.interleave.primitives.Condition;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The engine of every layer-1 lock: an {@code int} state acquired and released by CAS, an
 * explicit FIFO queue of parked waiters, and conditions whose waiters move into that queue when
 * signalled. Subclasses decide only what acquiring and releasing the state means
 * ({@link #tryAcquireState}, {@link #tryReleaseState}): barging, fair, or reentrant.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>The wait queue is a CLH-style doubly linked list of {@link Node}s, as in
 * {@code AbstractQueuedSynchronizer}: {@code head} is a dummy node (the last thread that
 * acquired, or the initial node); waiters join at {@code tail} by CAS. A node's
 * {@code status} tells its <i>predecessor's</i> releaser what to do:
 * <pre>
 *   0         nothing to do yet
 *   SIGNAL    my successor is parked (or about to park): unpark it when you release
 *   CANCELLED I gave up (timeout, interrupt); skip me
 *   CONDITION I am waiting on a condition, not in the wait queue
 * </pre>
 *
 * <p>Invariants:
 * <ul>
 *   <li>{@code head} is never cancelled and never null; every node reachable from {@code tail} by
 *       {@code prev} links ends at {@code head}. {@code next} links are only a hint: a null or
 *       cancelled {@code next} is resolved by walking {@code prev} from the tail.</li>
 *   <li>A waiter parks only after it has set its predecessor's status to SIGNAL and then failed
 *       once more to acquire; a releaser writes the state (volatile) before it reads the head's
 *       status (volatile). Both orders are sequentially consistent, so either the waiter sees
 *       the free state or the releaser sees SIGNAL and unparks it: no wake-up is lost.</li>
 *   <li>A condition node is in exactly one of: the condition queue ({@code status == CONDITION}),
 *       the wait queue, or gone. Whoever moves it CASes the status away from CONDITION; the
 *       single winner decides whether a signal or a cancellation moved it, so a signal is never
 *       lost to a waiter that times out or is interrupted.</li>
 * </ul>
 *
 * <p>Field access modes:
 * <ul>
 *   <li>{@code state}: volatile reads; CAS to acquire; a volatile write to release (only by the
 *       owner). Its release/acquire pair gives the happens-before edge between critical sections.</li>
 *   <li>{@code owner}: plain; written only by the thread that holds the state, read by a thread
 *       comparing it with itself (a stale value can never equal the reader).</li>
 *   <li>{@code head}, {@code tail}: volatile; {@code tail} by CAS (any enqueuer), {@code head}
 *       only by the thread that just acquired.</li>
 *   <li>{@code Node.status}: volatile with CAS; {@code Node.prev}, {@code Node.next},
 *       {@code Node.thread}: volatile. {@code Node.nextWaiter} and the condition queue's
 *       {@code first/last} are plain: only the lock owner touches them.</li>
 * </ul>
 */
abstract class QueuedSynchronizer {

    /** A waiter in the wait queue or in a condition queue. */
    /** How often the first waiter of a fair lock retries before it parks (none on one processor). */
    private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 64 : 0;

    static final class Node {
        static final int CANCELLED = 1;
        static final int SIGNAL = -1;
        static final int CONDITION = -2;

        volatile int status;
        volatile Node prev;
        volatile Node next;
        volatile Thread thread;
        /** Next node in a condition queue; guarded by the lock. */
        Node nextWaiter;

        Node() {}

        Node(Thread thread, int status) {
            this.thread = thread;
            this.status = status;
        }

        boolean casStatus(int expect, int update) {
            return STATUS.compareAndSet(this, expect, update);
        }

        void casNext(Node expect, Node update) {
            NEXT.compareAndSet(this, expect, update);
        }
    }

    /** Results of {@link #acquireQueued}. */
    private static final int ACQUIRED = 0;
    private static final int ACQUIRED_INTERRUPTED = 1;
    private static final int TIMED_OUT = 2;
    private static final int INTERRUPTED = 3;

    private volatile int state;
    private Thread owner;
    private volatile Node head;
    private volatile Node tail;

    QueuedSynchronizer() {
        Node initial = new Node();
        head = initial;
        tail = initial;
    }

    // ---- what subclasses define ------------------------------------------------------------

    /** Tries to take {@code arg} holds for the calling thread; never blocks. */
    abstract boolean tryAcquireState(int arg);

    /**
     * Gives back {@code arg} holds of the calling thread.
     *
     * @return true if the lock is now free
     * @throws IllegalMonitorStateException if the calling thread is not the owner
     */
    abstract boolean tryReleaseState(int arg);

    // ---- state helpers for subclasses -----------------------------------------------------

    final int state() {
        return state;
    }

    final void setState(int value) {
        state = value;
    }

    final boolean casState(int expect, int update) {
        return STATE.compareAndSet(this, expect, update);
    }

    final Thread owner() {
        return owner;
    }

    final void setOwner(Thread thread) {
        owner = thread;
    }

    /**
     * Whether the first waiter retries a few times before it parks. Worth it only where the lock
     * goes to the first waiter anyway (fair): under a barging lock the spinning waiter would
     * compete with the holder taking the lock again.
     */
    boolean spinsBeforePark() {
        return false;
    }

    final boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread() && state != 0;
    }

    /** Holds of the calling thread (0 if it is not the owner). */
    final int holdsOfCurrentThread() {
        return owner == Thread.currentThread() ? state : 0;
    }

    /** Whether a thread other than the caller waits longer than the caller would: fair locks yield to it. */
    final boolean hasQueuedPredecessors() {
        Node t = tail;
        Node h = head;
        Node s;
        return h != t && ((s = h.next) == null || s.thread != Thread.currentThread());
    }

    // ---- public operations ----------------------------------------------------------------

    /** Uninterruptible acquire; restores the interrupt flag if it was set while waiting. */
    final void acquire(int arg) {
        if (!tryAcquireState(arg)
                && acquireQueued(enqueue(new Node(Thread.currentThread(), 0)), arg, false, false, 0L)
                        == ACQUIRED_INTERRUPTED) {
            Thread.currentThread().interrupt();
        }
    }

    final void acquireInterruptibly(int arg) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryAcquireState(arg)
                && acquireQueued(enqueue(new Node(Thread.currentThread(), 0)), arg, true, false, 0L) == INTERRUPTED) {
            throw new InterruptedException();
        }
    }

    final boolean tryAcquireNanos(int arg, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (tryAcquireState(arg)) {
            return true;
        }
        if (nanos <= 0L) {
            return false;
        }
        long deadline = System.nanoTime() + nanos;
        int result = acquireQueued(enqueue(new Node(Thread.currentThread(), 0)), arg, true, true, deadline);
        if (result == INTERRUPTED) {
            throw new InterruptedException();
        }
        return result == ACQUIRED;
    }

    final void release(int arg) {
        if (tryReleaseState(arg)) {
            Node h = head;
            if (h.status != 0) {
                unparkSuccessor(h);
            }
        }
    }

    // ---- the wait queue -------------------------------------------------------------------

    /**
     * Waits in the queue until {@code node} acquires, the deadline passes, or (if
     * {@code interruptible}) the thread is interrupted. On any way out but acquiring, the node
     * is cancelled.
     *
     * @return ACQUIRED, ACQUIRED_INTERRUPTED (uninterruptible and an interrupt was swallowed),
     *         TIMED_OUT or INTERRUPTED (interruptible; the interrupt flag is cleared)
     *
     * <pre>
     * loop:
     *   if my predecessor is the head and I can take the state: I become the head; done
     *   if the deadline passed: give up (cancel)
     *   make sure my predecessor will SIGNAL me (skipping cancelled ones), then retry once
     *   first waiter of a fair lock: retry up to SPINS times before parking
     *   park; on interrupt: throw (interruptible) or remember it (uninterruptible)
     * </pre>
     */
    private int acquireQueued(Node node, int arg, boolean interruptible, boolean timed, long deadline) {
        boolean acquired = false;
        boolean interrupted = false;
        int spins = spinsBeforePark() ? SPINS : 0;
        try {
            for (;;) {
                Node p = node.prev;
                if (p == head && tryAcquireState(arg)) {
                    setHead(node);
                    p.next = null;
                    acquired = true;
                    return interrupted ? ACQUIRED_INTERRUPTED : ACQUIRED;
                }
                long nanos = 0L;
                if (timed && (nanos = deadline - System.nanoTime()) <= 0L) {
                    return TIMED_OUT;
                }
                if (shouldParkAfterFailedAcquire(p, node)) {
                    if (p == head && spins > 0) {
                        // NOTE: the first waiter retries a few times before parking: a holder whose
                        // critical section is short releases within that time, and the hand-off then
                        // costs no park and unpark. Bounded, so a waiter still parks: no busy-waiting.
                        spins--;
                        Thread.onSpinWait();
                        continue;
                    }
                    if (timed) {
                        LockSupport.parkNanos(this, nanos);
                    } else {
                        LockSupport.park(this);
                    }
                    if (Thread.interrupted()) {
                        if (interruptible) {
                            return INTERRUPTED;
                        }
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (!acquired) {
                cancelAcquire(node);
            }
        }
    }

    private void setHead(Node node) {
        head = node;
        node.thread = null;
        node.prev = null;
    }

    /** Appends {@code node} at the tail; returns its predecessor. */
    private Node enqueueReturningPredecessor(Node node) {
        for (;;) {
            Node t = tail;
            node.prev = t;
            if (TAIL.compareAndSet(this, t, node)) {
                t.next = node;
                return t;
            }
        }
    }

    private Node enqueue(Node node) {
        enqueueReturningPredecessor(node);
        return node;
    }

    /**
     * Called after a failed acquire: true if the thread may now park. Otherwise it has either
     * skipped cancelled predecessors or asked its predecessor to SIGNAL it, and must retry
     * acquiring once before parking.
     */
    private static boolean shouldParkAfterFailedAcquire(Node pred, Node node) {
        int ws = pred.status;
        if (ws == Node.SIGNAL) {
            return true;
        }
        if (ws > 0) {
            do {
                node.prev = pred = pred.prev;
            } while (pred.status > 0);
            pred.next = node;
        } else {
            pred.casStatus(ws, Node.SIGNAL);
        }
        return false;
    }

    /** Wakes the first live successor of {@code node}, if any. */
    private void unparkSuccessor(Node node) {
        int ws = node.status;
        if (ws < 0) {
            node.casStatus(ws, 0);
        }
        Node s = node.next;
        if (s == null || s.status > 0) {
            // NOTE: next is only a hint (set after the tail CAS); the prev chain is authoritative.
            s = null;
            for (Node t = tail; t != null && t != node; t = t.prev) {
                if (t.status <= 0) {
                    s = t;
                }
            }
        }
        if (s != null) {
            LockSupport.unpark(s.thread);
        }
    }

    /** Removes a waiter that gave up, passing on any wake-up it may have consumed. */
    private void cancelAcquire(Node node) {
        node.thread = null;
        Node pred = node.prev;
        while (pred.status > 0) {
            node.prev = pred = pred.prev;
        }
        Node predNext = pred.next;
        node.status = Node.CANCELLED;
        if (node == tail && TAIL.compareAndSet(this, node, pred)) {
            pred.casNext(predNext, null);
        } else {
            int ws;
            if (pred != head
                    && ((ws = pred.status) == Node.SIGNAL || (ws <= 0 && pred.casStatus(ws, Node.SIGNAL)))
                    && pred.thread != null) {
                Node next = node.next;
                if (next != null && next.status <= 0) {
                    pred.casNext(predNext, next);
                }
            } else {
                unparkSuccessor(node);
            }
            node.next = node;
        }
    }

    /** Whether a condition node has been moved into the wait queue. */
    private boolean isInWaitQueue(Node node) {
        if (node.status == Node.CONDITION || node.prev == null) {
            return false;
        }
        if (node.next != null) {
            return true;
        }
        for (Node t = tail; t != null; t = t.prev) {
            if (t == node) {
                return true;
            }
        }
        return false;
    }

    /** Signal side: moves a condition node to the wait queue; false if it was cancelled first. */
    private boolean transferForSignal(Node node) {
        if (!node.casStatus(Node.CONDITION, 0)) {
            return false;
        }
        Node p = enqueueReturningPredecessor(node);
        int ws = p.status;
        if (ws > 0 || !p.casStatus(ws, Node.SIGNAL)) {
            LockSupport.unpark(node.thread);
        }
        return true;
    }

    /**
     * Waiter side, after a timeout or interrupt: true if the waiter gave up before any signal
     * (it moves itself to the wait queue); false if a signal won the race, in which case the
     * waiter counts as signalled.
     */
    private boolean transferAfterCancelledWait(Node node) {
        if (node.casStatus(Node.CONDITION, 0)) {
            enqueueReturningPredecessor(node);
            return true;
        }
        // NOTE: the signaller won the CAS and is completing the enqueue; this wait is a few
        // instructions long and happens only on that race.
        while (!isInWaitQueue(node)) {
            Thread.yield();
        }
        return false;
    }

    /**
     * Releases every hold of the owner for a condition wait.
     *
     * @return the hold count to restore afterwards
     */
    private int fullyRelease(Node node) {
        int saved = state;
        try {
            release(saved);
            return saved;
        } catch (RuntimeException | Error e) {
            node.status = Node.CANCELLED;
            throw e;
        }
    }

    final Condition newCondition() {
        return new ConditionQueue();
    }

    /**
     * A condition of this synchronizer: a plain singly linked queue of waiter nodes guarded by
     * the lock. {@code await} releases all holds, parks until its node has been moved to the
     * wait queue, then re-acquires the same number of holds uninterruptibly.
     *
     * <p>Interrupts: an interrupt before the signal throws {@link InterruptedException} after the
     * lock is re-acquired; an interrupt after the signal keeps the signal (the wait returns
     * normally) and restores the interrupt flag.
     */
    private final class ConditionQueue implements Condition {
        private static final int REINTERRUPT = 1;
        private static final int THROW_IE = -1;

        private Node first;
        private Node last;

        @Override
        public void await() throws InterruptedException {
            enterAwait();
            Node node = addWaiter();
            int saved = fullyRelease(node);
            int interruptMode = 0;
            while (!isInWaitQueue(node)) {
                LockSupport.park(this);
                if ((interruptMode = interruptModeAfterPark(node)) != 0) {
                    break;
                }
            }
            finishAwait(node, saved, interruptMode);
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            enterAwait();
            long nanos = unit.toNanos(timeout);
            if (nanos <= 0L) {
                return false;
            }
            return awaitNanos(nanos);
        }

        private boolean awaitNanos(long nanos) throws InterruptedException {
            Node node = addWaiter();
            int saved = fullyRelease(node);
            long deadline = System.nanoTime() + nanos;
            boolean timedOut = false;
            int interruptMode = 0;
            while (!isInWaitQueue(node)) {
                if (nanos <= 0L) {
                    timedOut = transferAfterCancelledWait(node);
                    break;
                }
                LockSupport.parkNanos(this, nanos);
                if ((interruptMode = interruptModeAfterPark(node)) != 0) {
                    break;
                }
                nanos = deadline - System.nanoTime();
            }
            finishAwait(node, saved, interruptMode);
            return !timedOut;
        }

        @Override
        public boolean awaitUntil(BooleanSupplier predicate, long timeout, TimeUnit unit) throws InterruptedException {
            Objects.requireNonNull(predicate, "predicate");
            enterAwait();
            long nanos = unit.toNanos(timeout);
            boolean result = predicate.getAsBoolean();
            if (result || nanos <= 0L) {
                return result;
            }
            // NOTE: computed only for nanos > 0, so the subtraction below cannot wrap around.
            long deadline = System.nanoTime() + nanos;
            while (!result) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    break;
                }
                awaitNanos(remaining);
                result = predicate.getAsBoolean();
            }
            return result;
        }

        @Override
        public void signal() {
            requireHeld();
            Node f = first;
            while (f != null) {
                first = f.nextWaiter;
                if (first == null) {
                    last = null;
                }
                f.nextWaiter = null;
                if (transferForSignal(f)) {
                    return;
                }
                f = first;
            }
        }

        @Override
        public void signalAll() {
            requireHeld();
            Node f = first;
            if (f == null) {
                return;
            }
            first = null;
            last = null;
            while (f != null) {
                Node next = f.nextWaiter;
                f.nextWaiter = null;
                transferForSignal(f);
                f = next;
            }
        }

        /** Interrupt on entry wins over everything; then the lock must be held. */
        private void enterAwait() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            requireHeld();
        }

        private void requireHeld() {
            if (!isHeldByCurrentThread()) {
                throw new IllegalMonitorStateException(
                        "the calling thread does not hold the lock this condition belongs to");
            }
        }

        private Node addWaiter() {
            Node t = last;
            if (t != null && t.status != Node.CONDITION) {
                unlinkCancelledWaiters();
                t = last;
            }
            Node node = new Node(Thread.currentThread(), Node.CONDITION);
            if (t == null) {
                first = node;
            } else {
                t.nextWaiter = node;
            }
            last = node;
            return node;
        }

        private int interruptModeAfterPark(Node node) {
            if (!Thread.interrupted()) {
                return 0;
            }
            return transferAfterCancelledWait(node) ? THROW_IE : REINTERRUPT;
        }

        private void finishAwait(Node node, int saved, int interruptMode) throws InterruptedException {
            if (acquireQueued(node, saved, false, false, 0L) == ACQUIRED_INTERRUPTED && interruptMode != THROW_IE) {
                interruptMode = REINTERRUPT;
            }
            if (node.nextWaiter != null) {
                unlinkCancelledWaiters();
            }
            if (interruptMode == THROW_IE) {
                throw new InterruptedException();
            }
            if (interruptMode == REINTERRUPT) {
                Thread.currentThread().interrupt();
            }
        }

        /** Drops nodes that left the condition queue by timeout or interrupt; call only while holding the lock. */
        private void unlinkCancelledWaiters() {
            Node t = first;
            Node trail = null;
            while (t != null) {
                Node next = t.nextWaiter;
                if (t.status != Node.CONDITION) {
                    t.nextWaiter = null;
                    if (trail == null) {
                        first = next;
                    } else {
                        trail.nextWaiter = next;
                    }
                    if (next == null) {
                        last = trail;
                    }
                } else {
                    trail = t;
                }
                t = next;
            }
        }
    }

    private static final VarHandle STATE;
    private static final VarHandle TAIL;
    private static final VarHandle STATUS;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(QueuedSynchronizer.class, "state", int.class);
            TAIL = l.findVarHandle(QueuedSynchronizer.class, "tail", Node.class);
            STATUS = l.findVarHandle(Node.class, "status", int.class);
            NEXT = l.findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
