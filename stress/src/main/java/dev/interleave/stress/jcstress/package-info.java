/**
 * jcstress tests of every primitive: what only a real run on several cores can show.
 *
 * <p>Each test takes the implementation under test from
 * {@link dev.interleave.primitives.Primitives#load()} in its {@code @State} constructor, so the
 * same compiled tests run against the reference, against any other implementation
 * ({@code -Dinterleave.primitives}, {@code -Dinterleave.classpath}) and against a submission in
 * the grader. An implementation that cannot be loaded, or a primitive it does not implement,
 * makes the test fail with an error; it never passes by not running.
 *
 * <p>Files are named {@code <Primitive>_<NN>_<Property>} and read in that order. Each opens with
 * the idea in prose, says why each outcome is allowed or forbidden, and gives each outcome a
 * description in the words of the lecture (critical section, lost update, race condition,
 * waiting for); a catch-all {@code FORBIDDEN} ends every list of outcomes. Three kinds of test:
 *
 * <ul>
 *   <li>mutual exclusion and atomicity of the critical section: two tasks on a plain counter or
 *       a pair of plain fields ({@code Lock_01}, {@code Lock_02}, {@code FairLock_01},
 *       {@code RLock_01}, {@code Semaphore_01}, {@code BoundedSemaphore_01} and {@code _02},
 *       {@code *Queue_02});
 *   <li>visibility across each happens-before edge: release→acquire, signal→wake, set→await,
 *       put→take, send→recv, the barrier's trip and a timer's action→await ({@code Lock_02},
 *       {@code Condition_01}, {@code Event_01}, {@code Semaphore_02}, {@code *Queue_01},
 *       {@code Pipe_01}, {@code Barrier_01}, {@code Timer_01});
 *   <li>progress ({@code Mode.Termination}): a blocked waiter is released by the matching
 *       release, signal, set, put, send, arrival or timer ({@code *_WaiterReleased},
 *       {@code *_TakerReleased}, {@code Pipe_02_ReceiverReleased}).
 * </ul>
 *
 * <p>{@code mvn verify} runs them all through {@link dev.interleave.stress.jcstress.gate.JcstressGate};
 * {@code -Djcstress.filter=Lock_01} runs one.
 */
package dev.interleave.stress.jcstress;
