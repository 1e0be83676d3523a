/**
 * The conformance suite: JUnit 5 tests of every method's contract (CONTRACT.md), written only
 * against {@link dev.interleave.primitives.Primitives#load()}, so that the same classes prove the
 * reference, an independent implementation, or a student's submission.
 *
 * <p>One class per primitive; where a primitive comes in kinds, one abstract suite runs against
 * each kind through a small subclass that names the factory method (and, for queues, the order
 * of a sequential model): {@link dev.interleave.stress.conformance.LockConformance} ({@code lock()},
 * {@code fairLock()}, and {@link dev.interleave.stress.conformance.RLockConformance} for
 * {@code rlock()}), {@link dev.interleave.stress.conformance.ConditionConformance},
 * {@link dev.interleave.stress.conformance.EventConformance},
 * {@link dev.interleave.stress.conformance.SemaphoreConformance},
 * {@link dev.interleave.stress.conformance.BarrierConformance},
 * {@link dev.interleave.stress.conformance.QueueConformance},
 * {@link dev.interleave.stress.conformance.PipeConformance} and
 * {@link dev.interleave.stress.conformance.TimerConformance}.
 *
 * <p>Rules the tests keep:
 * <ul>
 *   <li>A test name states the property it checks.
 *   <li>Nothing the contract leaves open is assumed: whether {@code tryAcquire()} on a fair lock
 *       barges, which of two applicable errors is thrown, the order of equal priorities, whether
 *       {@code await} wakes spuriously (every wait is a loop on a predicate).
 *   <li>A thread is proven blocked ({@link dev.interleave.stress.harness.Worker#assertBlocked()})
 *       before the test relies on it waiting; no test sleeps and hopes. Only timeouts that must run
 *       out cost real time ({@link dev.interleave.stress.harness.Delays#SHORT_DELAY_MS}).
 *   <li>Every potentially endless call runs in a worker or under a bound, so a broken
 *       implementation fails with a thread dump instead of hanging the run.
 *   <li>Memory visibility rides along: what one thread writes to a plain field before a hand-off
 *       (release, signal, set, put, send, start) the other reads after it.
 *   <li>A blocked waiter must survive spurious wake-ups: the {@code ...KeepsWaitingThroughSpuriousWakeUps}
 *       tests wake a proven-blocked waiter three times
 *       ({@link dev.interleave.stress.harness.SpuriousWakeups#wakeOnce}) and require it to wait on;
 *       a waiter in {@code Object.wait} is out of an unpark's reach, and these checks skip it.
 *   <li>Tests that repeat a contended pattern many times and catch a race only by luck are tagged
 *       {@value dev.interleave.stress.conformance.ConformanceTest#STRESS}; every other test gives
 *       the same verdict on every run (the kill matrix runs only those).
 * </ul>
 *
 * <p>{@code mvn verify} runs the whole package through {@code ConformanceSuiteTest} (test code of
 * this module); a grader runs the same classes through the JUnit Platform launcher.
 */
package dev.interleave.stress.conformance;
