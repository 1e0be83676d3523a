package dev.interleave.scenarios;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs every scenario of the lecture (main code of this module, so that the grader runs the
 * very same classes) against the implementation under test.
 */
@Suite
@SuiteDisplayName("The lecture's scenarios")
@SelectPackages("dev.interleave.scenarios.lecture")
@IncludeClassNamePatterns(".*Scenario")
public class ScenarioSuiteTest {}
