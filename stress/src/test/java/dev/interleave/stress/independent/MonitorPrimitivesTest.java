package dev.interleave.stress.independent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.ClosedPipeException;
import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import dev.interleave.primitives.RLock;
import dev.interleave.primitives.Semaphore;
import dev.interleave.primitives.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Quick self-checks of {@link MonitorPrimitives}; every blocking call is bounded. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MonitorPrimitivesTest {
    private static final long WAIT = 5;
    private final Primitives p = new MonitorPrimitives();
    private final List<Thread> started = new ArrayList<>();

    interface Body {
        void run() throws Exception;
    }

    /** Starts a daemon thread; its failure, if any, is kept in the returned holder. */
    private Throwable[] fork(Body body) {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.setDaemon(true);
        started.add(t);
        t.start();
        return failure;
    }

    private void joinAll() throws InterruptedException {
        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(WAIT));
            assertFalse(t.isAlive(), "a thread is stuck");
        }
    }

    /** Waits until {@code t} is blocked (WAITING / TIMED_WAITING) or the time runs out. */
    private static void awaitBlocked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("thread never blocked");
    }

    @AfterEach
    void cleanUp() {
        started.forEach(Thread::interrupt);
        Thread.interrupted();
    }

    @Test
    void locksExcludeEachOther() throws Exception {
        for (Lock lock : List.of(p.lock(), p.fairLock(), p.rlock())) {
            started.clear();
            int[] counter = {0};
            List<Throwable[]> fails = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fails.add(fork(() -> {
                    for (int k = 0; k < 20_000; k++) {
                        if (k % 3 == 0) {
                            lock.acquire();
                        } else if (k % 3 == 1) {
                            lock.acquireInterruptibly();
                        } else {
                            assertTrue(lock.tryAcquire(WAIT, TimeUnit.SECONDS));
                        }
                        try {
                            counter[0]++;
                        } finally {
                            lock.release();
                        }
                    }
                }));
            }
            joinAll();
            for (Throwable[] f : fails) {
                if (f[0] != null) {
                    throw new AssertionError(f[0]);
                }
            }
            lock.acquire();
            assertEquals(80_000, counter[0]);
            lock.release();
        }
    }

    @Test
    void misuseOfLocks() throws Exception {
        for (Lock lock : List.of(p.lock(), p.fairLock(), p.rlock())) {
            assertThrows(IllegalMonitorStateException.class, lock::release);
            Condition c = lock.newCondition();
            assertThrows(IllegalMonitorStateException.class, c::signal);
            assertThrows(IllegalMonitorStateException.class, c::await);
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> lock.tryAcquire(0, TimeUnit.SECONDS));
            assertFalse(Thread.interrupted());
            Thread.currentThread().interrupt();
            lock.acquire(); // uninterruptible, keeps the flag
            assertTrue(Thread.interrupted());
            assertTrue(lock.isHeldByCurrentThread());
            assertFalse(c.await(0, TimeUnit.SECONDS));
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> c.awaitUntil(() -> true, 1, TimeUnit.SECONDS));
            assertTrue(c.awaitUntil(() -> true, 0, TimeUnit.SECONDS));
            assertFalse(c.awaitUntil(() -> false, 20, TimeUnit.MILLISECONDS));
            Throwable[] other = fork(() -> assertThrows(IllegalMonitorStateException.class, lock::release));
            joinAll();
            assertNull(other[0]);
            assertTrue(lock.isHeldByCurrentThread());
            lock.release();
            assertFalse(lock.isHeldByCurrentThread());
        }
    }

    @Test
    void uninterruptibleAcquireRestoresTheFlag() throws Exception {
        for (Lock lock : List.of(p.lock(), p.fairLock(), p.rlock())) {
            started.clear();
            lock.acquire();
            boolean[] flag = new boolean[1];
            Throwable[] f = fork(() -> {
                lock.acquire();
                flag[0] = Thread.currentThread().isInterrupted();
                lock.release();
            });
            Thread t = started.get(0);
            awaitBlocked(t);
            t.interrupt();
            Thread.sleep(20);
            assertTrue(t.isAlive());
            lock.release();
            joinAll();
            assertNull(f[0]);
            assertTrue(flag[0]);
        }
    }

    @Test
    void interruptibleAcquireThrows() throws Exception {
        for (Lock lock : List.of(p.lock(), p.fairLock(), p.rlock())) {
            started.clear();
            lock.acquire();
            Throwable[] f = fork(() -> assertThrows(InterruptedException.class, lock::acquireInterruptibly));
            Throwable[] g = fork(() -> assertFalse(lock.tryAcquire(50, TimeUnit.MILLISECONDS)));
            awaitBlocked(started.get(0));
            started.get(0).interrupt();
            started.get(0).join(5000);
            started.get(1).join(5000);
            lock.release();
            joinAll();
            assertNull(f[0]);
            assertNull(g[0]);
            assertTrue(lock.tryAcquire()); // the abandoned waiters left nothing behind
            lock.release();
        }
    }

    @Test
    void fairLockServesInArrivalOrder() throws Exception {
        Lock lock = p.fairLock();
        lock.acquire();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 5; i++) {
            int id = i;
            fork(() -> {
                lock.acquire();
                order.add(id);
                lock.release();
            });
            awaitBlocked(started.get(i));
        }
        // a waiter in the middle gives up: the others keep their order
        Throwable[] quitter = fork(() -> assertThrows(InterruptedException.class, lock::acquireInterruptibly));
        awaitBlocked(started.get(5));
        started.get(5).interrupt();
        started.get(5).join(1000);
        assertFalse(lock.tryAcquire(), "held");
        lock.release();
        joinAll();
        assertNull(quitter[0]);
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    @Test
    void rlockConditionReleasesAllHolds() throws Exception {
        RLock lock = p.rlock();
        Condition c = lock.newCondition();
        boolean[] ready = new boolean[1];
        lock.acquire();
        lock.acquire();
        lock.acquire();
        assertEquals(3, lock.holdCount());
        fork(() -> {
            lock.acquire();
            try {
                ready[0] = true;
                c.signalAll();
            } finally {
                lock.release();
            }
        });
        assertTrue(c.awaitUntil(() -> ready[0], WAIT, TimeUnit.SECONDS));
        assertEquals(3, lock.holdCount());
        lock.release();
        lock.release();
        assertEquals(1, lock.holdCount());
        lock.release();
        assertEquals(0, lock.holdCount());
        assertThrows(IllegalMonitorStateException.class, lock::release);
        joinAll();
    }

    @Test
    void signalIsNotLostToAWaiterThatTimesOut() throws Exception {
        for (Lock lock : List.of(p.lock(), p.fairLock(), p.rlock())) {
            started.clear();
            Condition c = lock.newCondition();
            boolean[] result = new boolean[2];
            // waiter 0 times out quickly, waiter 1 waits long
            fork(() -> {
                lock.acquire();
                try {
                    result[0] = c.await(30, TimeUnit.MILLISECONDS);
                } finally {
                    lock.release();
                }
            });
            awaitBlocked(started.get(0));
            fork(() -> {
                lock.acquire();
                try {
                    result[1] = c.await(WAIT, TimeUnit.SECONDS);
                } finally {
                    lock.release();
                }
            });
            awaitBlocked(started.get(1));
            lock.acquire();
            // waiter 0 times out while we hold the lock: it has given up but cannot leave yet
            Thread w0 = started.get(0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
            while (w0.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            c.signal();
            lock.release();
            joinAll();
            assertFalse(result[0]);
            assertTrue(result[1]);
        }
    }

    @Test
    void conditionInterruptThrows() throws Exception {
        Lock lock = p.lock();
        Condition c = lock.newCondition();
        Throwable[] f = fork(() -> {
            lock.acquire();
            try {
                assertThrows(InterruptedException.class, c::await);
                assertTrue(lock.isHeldByCurrentThread());
            } finally {
                lock.release();
            }
        });
        awaitBlocked(started.get(0));
        started.get(0).interrupt();
        joinAll();
        assertNull(f[0]);
    }

    @Test
    void eventKeepsWaitersReleasedBySet() throws Exception {
        Event e = p.event();
        boolean[] got = new boolean[1];
        fork(() -> got[0] = e.await(WAIT, TimeUnit.SECONDS));
        awaitBlocked(started.get(0));
        e.set();
        e.clear();
        joinAll();
        assertTrue(got[0]);
        assertFalse(e.isSet());
        assertFalse(e.await(10, TimeUnit.MILLISECONDS));
        e.set();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> e.await(0, TimeUnit.SECONDS));
        assertTrue(e.await(0, TimeUnit.SECONDS));
    }

    @Test
    void semaphores() throws Exception {
        Semaphore s = p.boundedSemaphore(2);
        assertThrows(IllegalStateException.class, s::release);
        assertEquals(2, s.availablePermits());
        assertTrue(s.tryAcquire());
        s.acquire();
        assertFalse(s.tryAcquire(10, TimeUnit.MILLISECONDS));
        fork(() -> {
            s.acquire();
            s.release();
        });
        awaitBlocked(started.get(0));
        s.release();
        joinAll();
        assertEquals(1, s.availablePermits());
        assertThrows(IllegalArgumentException.class, () -> p.semaphore(-1));
        Semaphore u = p.semaphore(0);
        u.release();
        assertEquals(1, u.availablePermits());
    }

    @Test
    void barrierIndicesAndBreaking() throws Exception {
        Barrier b = p.barrier(3);
        List<Integer> indices = Collections.synchronizedList(new ArrayList<>());
        for (int round = 0; round < 2; round++) {
            started.clear();
            for (int i = 0; i < 3; i++) {
                fork(() -> indices.add(b.await(WAIT, TimeUnit.SECONDS)));
            }
            joinAll();
        }
        Collections.sort(indices);
        assertEquals(List.of(0, 0, 1, 1, 2, 2), indices);
        started.clear();
        Throwable[] f = fork(() -> assertThrows(BrokenBarrierException.class, b::await));
        awaitBlocked(started.get(0));
        assertEquals(1, b.waiting());
        assertThrows(TimeoutException.class, () -> b.await(20, TimeUnit.MILLISECONDS));
        joinAll();
        assertNull(f[0]);
        assertTrue(b.isBroken());
        assertThrows(BrokenBarrierException.class, b::await);
        b.reset();
        assertFalse(b.isBroken());
        assertEquals(0, b.waiting());
    }

    @Test
    void queuesOrderAndTrackTasks() throws Exception {
        Queue<Integer> fifo = p.fifoQueue(3);
        Queue<Integer> lifo = p.lifoQueue(3);
        Queue<Integer> prio = p.priorityQueue(3, null);
        for (Queue<Integer> q : List.of(fifo, lifo, prio)) {
            q.put(2);
            q.put(1);
            assertTrue(q.offer(3));
            assertFalse(q.offer(4));
            assertFalse(q.offer(4, 5, TimeUnit.MILLISECONDS));
            assertTrue(q.isFull());
            assertThrows(NullPointerException.class, () -> q.offer(null));
            assertEquals(3, q.size());
        }
        assertEquals(List.of(2, 1, 3), List.of(fifo.take(), fifo.take(), fifo.take()));
        assertEquals(List.of(3, 1, 2), List.of(lifo.take(), lifo.take(), lifo.take()));
        assertEquals(List.of(1, 2, 3), List.of(prio.take(), prio.take(), prio.take()));
        assertNull(fifo.poll(5, TimeUnit.MILLISECONDS));
        Throwable[] joiner = fork(fifo::join);
        awaitBlocked(started.get(0));
        fifo.taskDone();
        fifo.taskDone();
        fifo.taskDone();
        assertThrows(IllegalStateException.class, fifo::taskDone);
        joinAll();
        assertNull(joiner[0]);
        Queue<Object> bad = p.priorityQueue(2, null);
        assertThrows(ClassCastException.class, () -> bad.offer(new Object()));
        assertEquals(0, bad.size());
        assertThrows(IllegalStateException.class, bad::taskDone);
        assertThrows(IllegalArgumentException.class, () -> p.fifoQueue(0));
    }

    @Test
    void pipeIsDuplexAndCloses() throws Exception {
        Pipe<String> pipe = p.pipe(1);
        pipe.left().send("a");
        pipe.right().send("b");
        assertTrue(pipe.right().poll(0, TimeUnit.SECONDS));
        assertEquals("a", pipe.right().recv());
        assertEquals("b", pipe.left().recv());
        pipe.left().send("c");
        Throwable[] sender = fork(() -> assertThrows(ClosedPipeException.class, () -> pipe.left().send("d")));
        awaitBlocked(started.get(0));
        pipe.left().close();
        joinAll();
        assertNull(sender[0]);
        assertEquals("c", pipe.right().recv());
        assertThrows(ClosedPipeException.class, pipe.right()::recv);
        assertThrows(ClosedPipeException.class, () -> pipe.right().send("e"));
        assertThrows(ClosedPipeException.class, pipe.left()::recv);
        assertTrue(pipe.left().poll(0, TimeUnit.SECONDS));
    }

    @Test
    void timerRunsOrCancels() throws Exception {
        boolean[] ran = new boolean[2];
        Timer t = p.timer(-5, TimeUnit.MILLISECONDS, () -> ran[0] = true);
        t.start();
        assertThrows(IllegalStateException.class, t::start);
        assertTrue(t.await(WAIT, TimeUnit.SECONDS));
        assertTrue(ran[0]);
        assertFalse(t.cancel());
        Timer u = p.timer(1, TimeUnit.HOURS, () -> ran[1] = true);
        assertFalse(u.await(0, TimeUnit.SECONDS));
        u.start();
        assertTrue(u.cancel());
        assertTrue(u.await(0, TimeUnit.SECONDS));
        Timer v = p.timer(0, TimeUnit.SECONDS, () -> ran[1] = true);
        assertTrue(v.cancel());
        v.start();
        Thread.sleep(20);
        assertFalse(ran[1]);
    }
}
