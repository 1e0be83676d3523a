/**
 * Scenarios that vmlens explores exhaustively: every interleaving of two threads handing data
 * over through a condition, a FIFO queue, an event and a semaphore of the implementation under
 * test ({@link dev.interleave.primitives.Primitives#load()}). Each scenario asserts its outcome in
 * every run, and the data handed over sits in plain fields, so a missing happens-before edge in
 * the implementation shows up as a data race, which fails the build like a failed assertion.
 *
 * <p>The scenarios run only under the vmlens agent, in the vmlens step of the stress module's
 * {@code mvn verify} ({@code VmlensSuiteTest}, then {@link dev.interleave.stress.vmlens.gate});
 * elsewhere they are skipped, never passed. The report is
 * {@code stress/target/vmlens-report/index.html}: one row per scenario, named with the
 * implementation under test, and one page per scenario with every thread's operations in the
 * interleaving shown.
 *
 * <p>What vmlens 1.2.17 follows, and what it does not:
 * <ul>
 *   <li>It follows {@code ReentrantLock.lock}, {@code unlock} and the conditions' waits, atomic
 *       objects such as {@code AtomicInteger}, volatile fields, {@code synchronized} blocks,
 *       thread start and join.
 *   <li>It does not trace {@code VarHandle} accesses, and names
 *       {@code AtomicIntegerFieldUpdater.compareAndSet} and
 *       {@code AtomicReferenceFieldUpdater.compareAndSet} "not yet testable". The CAS that takes
 *       a hand-built lock is then invisible, and data that the lock guards correctly is reported
 *       as a data race. It does not see {@code ReentrantLock.lockInterruptibly} take a lock
 *       either.
 *   <li>It does not know {@code LockSupport.park} and {@code unpark}: it notices a parked thread
 *       only by polling its state ("Blocked" in the report), waiting up to a quarter of a second
 *       each time; a thread parked by the code under test was once left parked after the thread
 *       that unparked it had ended. On the reference lock, planning the next interleaving alone
 *       took vmlens more than 20 seconds.
 *   <li>It does not treat {@code Object.wait} as letting go of the monitor, so a textbook
 *       {@code wait}/{@code notifyAll} hand-off is reported as a data race.
 * </ul>
 * So the build explores the scenarios against {@code JdkLockPrimitives} (test code: the contract
 * on {@code ReentrantLock}), or against the implementation that {@code -Dinterleave.primitives}
 * names; the reference and the monitor-based implementation are covered by the Lincheck and
 * jcstress tests instead.
 */
package dev.interleave.stress.vmlens;
