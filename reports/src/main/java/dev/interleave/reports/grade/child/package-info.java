/**
 * What runs in a grader's child JVM, next to the submission's code:
 * {@link dev.interleave.reports.grade.child.ChildMain} takes standard output for the
 * {@link dev.interleave.reports.grade.child.Channel}, reads its key and its
 * {@link dev.interleave.reports.grade.child.ChildConfig}, runs the checks of one tool of the
 * {@link dev.interleave.reports.grade.child.Battery} and reports each as a
 * {@link dev.interleave.reports.grade.child.Message}.
 *
 * <p>Nothing here keeps state in a static field that the submission could reach: the channel, and
 * its key, live in private fields of objects only the harness holds.
 */
package dev.interleave.reports.grade.child;
