/**
 * The shared test harness: written once and used by the conformance suite, the scenario and
 * stress tests and the grader.
 *
 * <ul>
 *   <li>{@link dev.interleave.stress.harness.Delays}: every delay and bound, scaled by one factor
 *       ({@code -Dinterleave.timeFactor}).
 *   <li>{@link dev.interleave.stress.harness.Workers} and {@link dev.interleave.stress.harness.Worker}:
 *       worker threads whose failures reach the test thread, always joined with a bound.
 *   <li>{@link dev.interleave.stress.harness.Blocking}: wait until a thread is blocked, or until a
 *       condition holds, instead of sleeping and hoping.
 *   <li>{@link dev.interleave.stress.harness.HangError} and
 *       {@link dev.interleave.stress.harness.ThreadDump}: a bound that runs out fails with a dump
 *       of all threads; nothing hangs the build.
 *   <li>{@link dev.interleave.stress.harness.SpuriousWakeups}: fault injection. Opt-in
 *       ({@code -Dinterleave.spuriousWakeups=true}), it unparks the test thread and every worker at
 *       random moments while they wait; {@code wakeOnce} forces one spurious wake-up on a blocked
 *       thread, as a schedule. An unpark cannot reach a thread in {@code Object.wait}.
 *   <li>{@link dev.interleave.stress.harness.InterleaveTest}: the class annotation that names the
 *       implementation under test ({@link dev.interleave.stress.harness.ImplementationUnderTest})
 *       and bounds every test method ({@link dev.interleave.stress.harness.TimeBound}).
 * </ul>
 */
package dev.interleave.stress.harness;
