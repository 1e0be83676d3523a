package dev.interleave.stress.independent;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;

/** What a {@link MonitorCondition} needs from the lock it is bound to. */
abstract class BaseLock implements Lock {

    /**
     * Lets go of the lock entirely (every hold, for a reentrant lock).
     *
     * @return the holds to give back to {@link #reacquire(int)}
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    abstract int releaseAll();

    /**
     * Takes the lock back with {@code holds} holds. Uninterruptible: an interrupt that arrives
     * meanwhile is kept in the thread's interrupt flag.
     */
    abstract void reacquire(int holds);

    @Override
    public Condition newCondition() {
        return new MonitorCondition(this);
    }

    static IllegalMonitorStateException notOwner() {
        return new IllegalMonitorStateException("the calling thread does not hold this lock");
    }
}
