/**
 * The verdict of the build's vmlens step: {@link dev.interleave.stress.vmlens.gate.VmlensGate}
 * reads what the step left behind and fails the build when the vmlens plugin alone would have
 * let a failure, a race or an empty run pass.
 */
package dev.interleave.stress.vmlens.gate;
