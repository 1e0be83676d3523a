package dev.interleave.stress.broken;

import dev.interleave.stress.conformance.BarrierConformance;
import dev.interleave.stress.conformance.ConditionConformance;
import dev.interleave.stress.conformance.EventConformance;
import dev.interleave.stress.conformance.LockConformance;
import dev.interleave.stress.conformance.PipeConformance;
import dev.interleave.stress.conformance.QueueConformance;
import dev.interleave.stress.conformance.RLockConformance;
import dev.interleave.stress.conformance.SemaphoreConformance;
import dev.interleave.stress.conformance.TimerConformance;
import dev.interleave.stress.lincheck.BarrierLinearizability;
import dev.interleave.stress.lincheck.BoundedSemaphoreHandOffLinearizability;
import dev.interleave.stress.lincheck.BoundedSemaphoreLinearizability;
import dev.interleave.stress.lincheck.EventLinearizability;
import dev.interleave.stress.lincheck.FairLockLinearizability;
import dev.interleave.stress.lincheck.FifoQueueHandOffLinearizability;
import dev.interleave.stress.lincheck.FifoQueueLinearizability;
import dev.interleave.stress.lincheck.LifoQueueHandOffLinearizability;
import dev.interleave.stress.lincheck.LifoQueueLinearizability;
import dev.interleave.stress.lincheck.LockLinearizability;
import dev.interleave.stress.lincheck.PipeLinearizability;
import dev.interleave.stress.lincheck.PriorityQueueHandOffLinearizability;
import dev.interleave.stress.lincheck.PriorityQueueLinearizability;
import dev.interleave.stress.lincheck.RLockLinearizability;
import dev.interleave.stress.lincheck.SemaphoreHandOffLinearizability;
import dev.interleave.stress.lincheck.SemaphoreLinearizability;
import java.util.List;

/**
 * A primitive of the contract as the battery sees it: the factory method that makes it, and the
 * part of the battery that tests it: its conformance classes, its Lincheck classes (those with
 * only hand-written scenarios first: they are the cheaper), and its jcstress termination test. The
 * kill matrix runs that part, and only that part, against a variant that breaks this primitive.
 *
 * <p>jcstress runs only for a visibility bug, and then only the primitive's termination test
 * (jcstress's {@code Mode.Termination}: a waiting thread must be released), where a waiter that
 * never sees the release is a FORBIDDEN {@code STALE} outcome. The primitive's other jcstress tests
 * would show the same bug as threads that never finish, which jcstress reports only after
 * 30 s per JVM configuration, as an error.
 */
public enum Part {
    LOCK("lock()", List.of(LockConformance.Unfair.class), List.of(LockLinearizability.class), "\\.Lock_03_WaiterReleased"),
    FAIR_LOCK("fairLock()", List.of(LockConformance.Fair.class), List.of(FairLockLinearizability.class),
            "\\.FairLock_02_WaiterReleased"),
    RLOCK("rlock()", List.of(RLockConformance.class), List.of(RLockLinearizability.class), "\\.RLock_02_WaiterReleased"),
    /** The conditions of {@code lock()}. */
    CONDITION("lock().newCondition()", List.of(ConditionConformance.OfLock.class), List.of(), "\\.Condition_02_WaiterReleased"),
    EVENT("event()", List.of(EventConformance.class), List.of(EventLinearizability.class), "\\.Event_02_WaiterReleased"),
    SEMAPHORE("semaphore(n)", List.of(SemaphoreConformance.Plain.class),
            List.of(SemaphoreHandOffLinearizability.class, SemaphoreLinearizability.class), "\\.Semaphore_03_WaiterReleased"),
    BOUNDED_SEMAPHORE("boundedSemaphore(n)", List.of(SemaphoreConformance.Bounded.class),
            List.of(BoundedSemaphoreHandOffLinearizability.class, BoundedSemaphoreLinearizability.class),
            "\\.BoundedSemaphore_"),
    BARRIER("barrier(parties)", List.of(BarrierConformance.class), List.of(BarrierLinearizability.class),
            "\\.Barrier_02_WaiterReleased"),
    FIFO_QUEUE("fifoQueue(capacity)", List.of(QueueConformance.Fifo.class),
            List.of(FifoQueueHandOffLinearizability.class, FifoQueueLinearizability.class), "\\.FifoQueue_03_TakerReleased"),
    LIFO_QUEUE("lifoQueue(capacity)", List.of(QueueConformance.Lifo.class),
            List.of(LifoQueueHandOffLinearizability.class, LifoQueueLinearizability.class),
            "\\.LifoQueue_03_TakerReleased"),
    PRIORITY_QUEUE("priorityQueue(capacity, order)", List.of(QueueConformance.Priority.class),
            List.of(PriorityQueueHandOffLinearizability.class, PriorityQueueLinearizability.class),
            "\\.PriorityQueue_03_TakerReleased"),
    PIPE("pipe(capacity)", List.of(PipeConformance.class), List.of(PipeLinearizability.class), "\\.Pipe_02_ReceiverReleased"),
    TIMER("timer(delay, unit, action)", List.of(TimerConformance.class), List.of(), "\\.Timer_02_WaiterReleased");

    private final String factory;
    private final List<Class<?>> conformance;
    private final List<Class<?>> lincheck;
    private final String jcstressFilter;

    Part(String factory, List<Class<?>> conformance, List<Class<?>> lincheck, String jcstressFilter) {
        this.factory = factory;
        this.conformance = conformance;
        this.lincheck = lincheck;
        this.jcstressFilter = jcstressFilter;
    }

    /** The factory method of {@code Primitives} that makes it, e.g. {@code lock()}. */
    public String factory() {
        return factory;
    }

    /** The conformance classes that test it. */
    public List<Class<?>> conformance() {
        return conformance;
    }

    /** The Lincheck classes that test it (none for a condition or a timer). */
    public List<Class<?>> lincheck() {
        return lincheck;
    }

    /** The regular expression that selects its jcstress termination test (see {@code -Djcstress.filter}). */
    public String jcstressFilter() {
        return jcstressFilter;
    }
}
