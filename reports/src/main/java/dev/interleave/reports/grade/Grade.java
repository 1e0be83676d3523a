package dev.interleave.reports.grade;

import java.util.List;

/**
 * A grading run's outcome: what the results files are written from.
 *
 * @param primitives the class graded (null when the submission is invalid)
 * @param invalid why the submission cannot be graded, or null
 * @param notes what the grader noticed (submission, budget, tools)
 * @param policyViolations the homework policy's violations (empty when it complies or there is none)
 * @param policy the policy's description, or null when there is none
 * @param tools each tool's run
 * @param items the rubric's items
 * @param score the score
 * @param maxScore the most it could be
 * @param seconds the run's wall time
 */
record Grade(String primitives, String invalid, List<String> notes, List<String> policyViolations,
        String policy, List<ToolRun.ToolOutcome> tools, List<Scoring.ItemResult> items, double score, double maxScore,
        double seconds) {}
