/**
 * The machine-readable record of a scenario run: verdict, the interleaving as steps (thread,
 * operation, shared state after the step), the outcomes seen and, when threads got stuck, the
 * wait-for graph. The report renders these files.
 */
package dev.interleave.scenarios.record;
