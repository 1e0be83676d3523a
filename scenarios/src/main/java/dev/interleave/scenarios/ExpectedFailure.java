package dev.interleave.scenarios;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A variant the lecture warns about: the test passes only when the harness finds and shows the
 * bug in this run (by systematic exploration, a forced schedule or a watchdog), and fails when it
 * does not: the harness would have lost its power. Tagged {@code expected-failure}, so that CI and
 * the grader can select it (JUnit's {@code --include-tag} / Surefire's {@code groups}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("expected-failure")
public @interface ExpectedFailure {}
