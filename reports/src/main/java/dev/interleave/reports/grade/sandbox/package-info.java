/**
 * The sandbox of a grader's child JVMs: {@link dev.interleave.reports.grade.sandbox.SubmissionGuard},
 * a security manager named on the JVM's command line, and the policy that gives the submission's
 * code only what a primitive needs.
 */
package dev.interleave.reports.grade.sandbox;
