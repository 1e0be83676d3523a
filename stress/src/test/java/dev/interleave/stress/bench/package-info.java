/**
 * Benchmarks: the primitives of {@link dev.interleave.primitives.Primitives#load()} against their
 * {@code java.util.concurrent} counterparts, measured with JMH in one run so that the ratios hold
 * on a noisy machine.
 *
 * <p>Run them with {@code mvn -pl stress -am verify -Pbench -DskipTests}. JMH writes
 * {@code stress/target/benchmarks/jmh.json}; {@link dev.interleave.stress.bench.RatioTable} turns
 * it into {@code ratios.md} and {@code ratios.json} beside it: one row per pair, the ratio
 * ours / j.u.c with its propagated error, and the goal it is held to.
 *
 * <p>Every benchmark pair runs the same code around the primitive: the same critical section,
 * the same item, the same timeouts. A pair differs only in the primitive it calls.
 *
 * <p>No benchmark whose threads wait for each other can hang an iteration once JMH's
 * {@link org.openjdk.jmh.infra.Control#stopMeasurement} is set: the queue benchmarks then switch
 * to operations that never wait, and the gate and barrier benchmarks wait
 * {@link dev.interleave.stress.bench.Patience#MILLIS} at a time and give up. Each class says why
 * its scheme is safe.
 */
package dev.interleave.stress.bench;
