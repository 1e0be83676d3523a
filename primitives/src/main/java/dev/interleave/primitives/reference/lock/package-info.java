/**
 * Layer 1 of the reference primitives: {@link dev.interleave.primitives.reference.lock.QueuedLock}
 * (barging and fair), {@link dev.interleave.primitives.reference.lock.QueuedRLock} and their
 * conditions, on {@link java.lang.invoke.VarHandle} atomics and
 * {@link java.util.concurrent.locks.LockSupport} park/unpark with an explicit queue of waiting
 * threads. No {@code synchronized}, no other {@code java.util.concurrent.locks} type and no
 * {@code java.util.concurrent} collection is used here (an architecture test keeps it so).
 *
 * <p>Field access modes are named in each class: <i>volatile</i> (read/write with
 * sequentially consistent order), <i>CAS</i> (a {@code VarHandle.compareAndSet}),
 * <i>plain</i> (ordinary field; safe because of the rule stated next to it).
 */
package dev.interleave.primitives.reference.lock;
