/**
 * Child JVMs for the lecture's multiprocessing cases: {@link dev.interleave.scenarios.processes.ChildJvm}
 * starts one (the same implementation under test, a bounded lifetime, its output read fully, its
 * process tree killed at the end), and the main classes here are the programs the children run
 * ({@link dev.interleave.scenarios.processes.ItemsWorker}, {@link dev.interleave.scenarios.processes.QueueClient},
 * {@link dev.interleave.scenarios.processes.PipeWorker}), talking to the parent through their
 * standard input and output, one message per line (see {@link dev.interleave.scenarios.processes.Child}).
 */
package dev.interleave.scenarios.processes;
