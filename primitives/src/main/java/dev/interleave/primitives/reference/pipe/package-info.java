/**
 * Layer 3 of the reference primitives: {@link dev.interleave.primitives.Pipe}, built only on the
 * layer-2 queue ({@code reference.sync.GuardedQueue}), as the lecture builds
 * {@code multiprocessing}'s pipes and queues on each other.
 *
 * <p>Nothing here holds a lock or a field that changes: every piece of shared state lives in the
 * two queues, so the pipe's thread safety is theirs. The architecture test holds this package to
 * the layer-2 queue and the contract.
 */
package dev.interleave.primitives.reference.pipe;
