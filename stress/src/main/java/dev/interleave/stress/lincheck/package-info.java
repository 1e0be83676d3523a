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
 * <p>Random scenarios use only the operations that never wait; the waiting ones run in
 * hand-written scenarios ({@link dev.interleave.stress.lincheck.Scenario}) in which every waiter is
 * eventually let through. Arguments are few (items 1 to 3, one permit, capacity 2, two parties) so
 * that threads collide. The budget, the scale factor ({@code -Dinterleave.lincheck.scale}) and the
 * failure reports ({@code target/interleave/lincheck/<test>.<method>.txt}, or under
 * {@code -Dinterleave.evidence.dir}) are described in
 * {@link dev.interleave.stress.lincheck.LincheckRun}.
 */
package dev.interleave.stress.lincheck;
