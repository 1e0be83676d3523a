/**
 * Linearizability of every primitive, checked by Lincheck against a plain sequential
 * specification, in both of Lincheck's modes.
 *
 * <p>Each {@code *Linearizability} class is a Lincheck test (its {@code @Operation} methods are
 * one-line delegations to the primitive under test; its nested {@code Sequential} class has the
 * same methods, on plain fields, one call at a time) and a JUnit test with two checks:
 * <ul>
 *   <li>{@code linearizableUnderModelChecking}: Lincheck runs each scenario many times, choosing
 *       where the threads switch, and reports the exact interleaving that leads to a result no
 *       sequential order explains. It assumes sequential consistency: a missing {@code volatile}
 *       is invisible to it (the jcstress tests look for that).
 *   <li>{@code linearizableUnderStress}: the same scenarios on real threads, many times; it finds
 *       bugs by luck and reports only the wrong results.
 * </ul>
 *
 * <p>The primitive under test comes from {@link dev.interleave.primitives.Primitives#load()}, so
 * {@code -Dinterleave.primitives} and {@code -Dinterleave.classpath} choose the implementation: the
 * reference in this module's build, any outside implementation, or a student's submission in the
 * grader. A factory method that the implementation does not provide fails the tests of that
 * primitive with {@code "not implemented: <method>"}.
 *
 * <p>The {@code *HandOffLinearizability} tests have hand-written scenarios only, of three threads:
 * a waiter is woken while a third thread barges in, or two waiters of different kinds share a
 * wake-up. Model checking explores them fully, so an {@code if} where a {@code while} belongs, or
 * a signal that wakes the wrong kind of waiter, is found on every run.
 *
 * <p>What model checking cannot see: Lincheck 3.7 lets every {@code LockSupport.park} in the code
 * under test return spuriously, so a wake-up lost between a waiter's look at the state and its
 * park is rescued by the model itself whenever the state has become right; the test still catches
 * a waiter that parks on a state that stays wrong (everybody waits: "the execution has hung"), and
 * a lost {@code notify} of {@code Object.wait}, which it does not wake spuriously.
 *
 * <p>Random scenarios use only the operations that never wait; the waiting ones run in
 * hand-written scenarios ({@link dev.interleave.stress.lincheck.Scenario}) in which every waiter is
 * eventually let through; those with a timed wait run under stress only, since model checking
 * does not let time pass ({@link dev.interleave.stress.lincheck.LinearizabilityTest#timedScenarios}).
 * Arguments are few (items 1 to 3, one permit, capacity 2, two parties) so that threads collide. The budget, the scale factor ({@code -Dinterleave.lincheck.scale}) and the
 * failure reports ({@code target/interleave/lincheck/<test>.<method>.txt}, or under
 * {@code -Dinterleave.evidence.dir}) are described in
 * {@link dev.interleave.stress.lincheck.LincheckRun}.
 */
package dev.interleave.stress.lincheck;
