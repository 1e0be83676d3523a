/**
 * The build's jcstress step: {@link dev.interleave.stress.jcstress.gate.JcstressGate} runs
 * jcstress within a time budget against the implementation under test, fails on any FORBIDDEN
 * outcome, missing test or jcstress error, and writes a JUnit XML report beside jcstress's HTML.
 */
package dev.interleave.stress.jcstress.gate;
