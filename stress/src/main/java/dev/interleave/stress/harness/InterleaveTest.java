package dev.interleave.stress.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the implementation under test: the class first names
 * that implementation (or fails once, clearly, if it cannot be loaded), and every test method is
 * time-bounded. Inherited, so an abstract base class carries it for all its subclasses.
 *
 * @see ImplementationUnderTest
 * @see TimeBound
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({ImplementationUnderTest.class, TimeBound.class})
public @interface InterleaveTest {}
