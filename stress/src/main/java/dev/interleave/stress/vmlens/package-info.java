/**
 * Scenarios that vmlens explores exhaustively: every interleaving of two threads handing data
 * over through a condition, a FIFO queue, an event and a semaphore of the implementation under
 * test ({@link dev.interleave.primitives.Primitives#load()}). Each scenario asserts its outcome in
 * every run, and the data handed over sits in plain fields, so a missing happens-before edge in
 * the implementation shows up as a data race, which fails the build like a failed assertion.
 *
 * <p>The scenarios run only under the vmlens agent, in the vmlens step of the stress module's
 * {@code mvn verify} ({@code VmlensSuiteTest}); elsewhere they are skipped, never passed. The
 * report is {@code stress/target/vmlens-report/index.html}: one row per scenario, named with the
 * implementation under test, and one page per interleaving with every thread's operations.
 *
 * <p>What vmlens 1.2.17 follows, and what it does not:
 * <ul>
 *   <li>It follows {@code java.util.concurrent} (locks and their conditions, atomics objects,
 *       concurrent collections), volatile fields, {@code synchronized} blocks, thread start and
 *       join.
 *   <li>It does not trace {@code VarHandle} accesses; it names
 *       {@code AtomicIntegerFieldUpdater.compareAndSet} and
 *       {@code AtomicReferenceFieldUpdater.compareAndSet} "not yet testable". The CAS that takes
 *       a hand-built lock is then invisible, so data guarded correctly by that lock is reported
 *       as a data race.
 *   <li>It does not know {@code LockSupport.park} and {@code unpark}: it notices a parked thread
 *       only by polling its state ("Blocked" in the report), which costs up to a quarter of a
 *       second per park, and it may lose the wake-up of a thread that parks itself.
 *   <li>It does not treat {@code Object.wait} as letting go of the monitor, so a textbook
 *       {@code wait}/{@code notifyAll} hand-off is reported as a data race.
 * </ul>
 * So the build explores the scenarios against {@code JdkLockPrimitives} (test code: the contract
 * on {@code ReentrantLock}), and against an outside implementation when
 * {@code -Dinterleave.primitives} names one; the reference and monitor-based implementations are
 * covered by the Lincheck and jcstress tests instead.
 */
package dev.interleave.stress.vmlens;
