package dev.interleave.stress.broken;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the one bug a broken variant carries: its kind, the primitive that has it, what the
 * bug is and which interleaving exposes it. The kill matrix ({@link KillMatrixTest}) runs the
 * battery of that primitive against the variant and requires it to be caught.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Defect {
    DefectKind kind();

    /** The primitive the variant breaks; every other factory method of the variant is correct. */
    Part primitive();

    /** The bug, in a sentence a student who has seen the lecture understands. */
    String what();

    /** The interleaving (or schedule) that exposes the bug. */
    String exposedBy();
}
