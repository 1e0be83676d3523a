/**
 * Layer 2 of the reference primitives: {@link dev.interleave.primitives.Event},
 * {@link dev.interleave.primitives.Semaphore}, {@link dev.interleave.primitives.Barrier},
 * {@link dev.interleave.primitives.Queue} and {@link dev.interleave.primitives.Timer}, each built
 * on one layer-1 lock ({@code reference.lock.QueuedLock}) and conditions made by it.
 *
 * <p>"Events can be implemented using Conditions, which can be implemented using locks": this
 * package is the middle of that sentence. It uses nothing else to make threads wait or to make
 * their writes visible: no {@code synchronized}, no {@code Object.wait/notify}, no
 * {@code volatile}, no {@code java.util.concurrent} atomics, locks or collections. The
 * architecture test holds it to that.
 *
 * <h2>Conventions for maintainers</h2>
 *
 * <p>Every class follows the same pattern, so each class's implementation note only states what
 * differs:
 * <ul>
 *   <li><b>Field access modes.</b> <i>final</i>: written once by the constructor, read freely.
 *       <i>guarded</i>: a plain field read and written only while holding the instance's
 *       {@code lock}; the lock's release/acquire ordering makes every write visible to the next
 *       holder. There is no third mode.
 *   <li><b>Conditions</b> are named after the predicate a waiter waits for ({@code notEmpty},
 *       {@code notFull}) and are always awaited in a {@code while} loop, or through
 *       {@link dev.interleave.primitives.Condition#awaitUntil}, which loops the same way: a
 *       wake-up is a hint to look again, never a promise.
 *   <li><b>Interrupts.</b> Every method that declares {@link InterruptedException} throws it
 *       (and clears the flag) when the caller is interrupted on entry, even if it could
 *       complete at once; see {@code Interruptibly}.
 *   <li><b>Linearization points</b> are always inside the critical section, so each operation
 *       takes effect at one instant between its lock acquire and release.
 * </ul>
 */
package dev.interleave.primitives.reference.sync;
