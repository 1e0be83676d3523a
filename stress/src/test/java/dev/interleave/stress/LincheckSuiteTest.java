package dev.interleave.stress;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs every Lincheck test (main code of this module, so that a grader runs the very same
 * classes) against the implementation under test: {@code -Dinterleave.primitives=<class name>},
 * else the ServiceLoader provider, else the reference.
 */
@Suite
@SuiteDisplayName("Lincheck suite")
@SelectPackages("dev.interleave.stress.lincheck")
@IncludeClassNamePatterns(".*Linearizability")
public class LincheckSuiteTest {}
