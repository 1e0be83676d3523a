/**
 * The autograder: {@code interleave-grader grade} grades one submission of the contract and
 * writes Gradescope's {@code results.json}, the interleaving report and JUnit XML;
 * {@code interleave-grader package} makes a Gradescope autograder zip.
 *
 * <p>How a run goes, and who does what:
 *
 * <ol>
 *   <li>{@link dev.interleave.reports.grade.GradeCommand} reads the options, the
 *       {@link dev.interleave.reports.grade.Rubric} and the policy, and lists every check of the
 *       battery ({@link dev.interleave.reports.grade.child.CheckInfo}) without running one.
 *   <li>{@link dev.interleave.reports.grade.Submission} compiles or extracts the submission in
 *       processes and folders of its own; {@link dev.interleave.reports.grade.SubmissionScan}
 *       reads its class files with ASM. No class of the submission is ever loaded in the
 *       grader's process.
 *   <li>{@link dev.interleave.reports.grade.Schedule} runs the tools within the
 *       {@link dev.interleave.reports.grade.Budget}; {@link dev.interleave.reports.grade.ToolRun}
 *       runs one tool's checks in child JVMs ({@link dev.interleave.reports.grade.ChildProcess}),
 *       restarting a child that dies and failing the check it died in.
 *   <li>{@link dev.interleave.reports.grade.Scoring} turns the checks' results into the rubric's
 *       items; {@link dev.interleave.reports.grade.GradeOutputs} writes every file.
 * </ol>
 *
 * <p>The children's side is {@link dev.interleave.reports.grade.child}; their sandbox,
 * {@link dev.interleave.reports.grade.sandbox}.
 */
package dev.interleave.reports.grade;
