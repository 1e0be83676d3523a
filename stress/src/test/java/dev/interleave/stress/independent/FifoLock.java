package dev.interleave.stress.independent;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Fair, non-reentrant lock: arrivals that find it taken line up, and a release hands the lock
 * straight to the oldest one in line (it never becomes free while someone waits), so no waiter
 * can be overtaken by a later arrival.
 *
 * <p>Each waiter waits on its own ticket ("specific notification"): the line and the owner are
 * guarded by {@code monitor}; a ticket's {@code granted} flag is guarded by the ticket. Lock
 * order is monitor, then ticket; a waiter never holds its ticket while it takes the monitor.
 * Whether a ticket still waits or was served is decided by its presence in the line, under
 * {@code monitor}.
 */
final class FifoLock extends BaseLock {
    private static final class Ticket {
        final Thread thread;
        boolean granted; // guarded by this ticket

        Ticket(Thread thread) {
            this.thread = thread;
        }
    }

    private final Object monitor = new Object();
    private final ArrayDeque<Ticket> line = new ArrayDeque<>(); // guarded by monitor
    private Thread owner; // guarded by monitor; null implies an empty line

    /** Takes the lock if it is free (then returns null); else joins the end of the line. */
    private Ticket arrive(Thread me) {
        synchronized (monitor) {
            if (owner == null) {
                owner = me;
                return null;
            }
            Ticket ticket = new Ticket(me);
            line.addLast(ticket);
            return ticket;
        }
    }

    /** Gives the lock to the oldest waiter, or frees it. Caller holds monitor. */
    private void handOn() {
        Ticket next = line.pollFirst();
        if (next == null) {
            owner = null;
            return;
        }
        owner = next.thread;
        synchronized (next) {
            next.granted = true;
            next.notify();
        }
    }

    /**
     * Leaves the line without the lock. If the lock was handed to this ticket in the meantime,
     * hands it on to the next one instead, so the waiters behind are not held up.
     */
    private void giveUp(Ticket ticket) {
        synchronized (monitor) {
            if (!line.remove(ticket)) {
                handOn();
            }
        }
    }

    @Override
    public void acquire() {
        Thread me = Thread.currentThread();
        Ticket ticket = arrive(me);
        if (ticket == null) {
            return;
        }
        boolean interrupted = false;
        synchronized (ticket) {
            while (!ticket.granted) {
                try {
                    ticket.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    @Override
    public void acquireInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Ticket ticket = arrive(Thread.currentThread());
        if (ticket == null) {
            return;
        }
        boolean interrupted = false;
        synchronized (ticket) {
            while (!ticket.granted) {
                try {
                    ticket.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
                if (Thread.interrupted()) {
                    interrupted = true;
                    break;
                }
            }
        }
        if (interrupted) {
            giveUp(ticket);
            throw new InterruptedException();
        }
    }

    @Override
    public boolean tryAcquire() {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (owner == null) {
                owner = me;
                return true;
            }
            return false;
        }
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        Ticket ticket;
        synchronized (monitor) {
            if (owner == null) {
                owner = me;
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            ticket = new Ticket(me);
            line.addLast(ticket);
        }
        long deadline = System.nanoTime() + nanos;
        boolean interrupted = false;
        boolean granted;
        synchronized (ticket) {
            while (!ticket.granted) {
                long left = Waits.remaining(deadline);
                if (left <= 0) {
                    break;
                }
                try {
                    Waits.waitNanos(ticket, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
                if (Thread.interrupted()) {
                    interrupted = true;
                    break;
                }
            }
            granted = ticket.granted;
        }
        if (interrupted) {
            giveUp(ticket);
            throw new InterruptedException();
        }
        if (granted) {
            return true;
        }
        synchronized (monitor) {
            // Still in line: the time ran out. Not in line: the lock was handed over just now.
            return !line.remove(ticket);
        }
    }

    @Override
    public void release() {
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw notOwner();
            }
            handOn();
        }
    }

    @Override
    public boolean isHeldByCurrentThread() {
        synchronized (monitor) {
            return owner == Thread.currentThread();
        }
    }

    @Override
    int releaseAll() {
        release();
        return 1;
    }

    @Override
    void reacquire(int holds) {
        acquire();
    }
}
