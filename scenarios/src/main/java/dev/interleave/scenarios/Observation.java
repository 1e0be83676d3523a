package dev.interleave.scenarios;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A measurement the contract leaves open (a speed-up on this machine, how often a barging lock
 * lets a newcomer overtake a waiter): reported in the recording, judged only on what the contract
 * promises. Tagged {@code observation}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("observation")
public @interface Observation {}
