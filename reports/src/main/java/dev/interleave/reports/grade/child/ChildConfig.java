package dev.interleave.reports.grade.child;

import java.util.List;
import java.util.Map;

/**
 * What a child JVM is asked to do, handed over on its standard input after the channel's key.
 *
 * @param tool the tool ({@link Battery#id()})
 * @param primitives the submission's class implementing the contract
 * @param checks the ids of the checks to run ({@link CheckInfo#id()}), in order
 * @param work a folder of the child's own for the tools' files
 * @param properties system properties to set before anything runs
 * @param seconds the time the child has (jcstress gets it as its budget)
 */
public record ChildConfig(String tool, String primitives, List<String> checks, String work,
        Map<String, String> properties, long seconds) {}
