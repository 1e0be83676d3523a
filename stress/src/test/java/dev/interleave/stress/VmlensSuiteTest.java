package dev.interleave.stress;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs every vmlens scenario (main code of this module, so that a grader runs the very same
 * classes) under the vmlens agent. Only the vmlens step of this module's build runs it (the
 * {@code vmlens} execution in pom.xml); run anywhere else, its scenarios are skipped.
 */
@Suite
@SuiteDisplayName("vmlens scenarios")
@SelectPackages("dev.interleave.stress.vmlens")
@IncludeClassNamePatterns(".*Interleavings")
public class VmlensSuiteTest {}
