package dev.interleave.stress.jcstress.gate;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * jcstress's results, read from the file it writes as it runs ({@code jcstress-results-*.bin.gz}):
 * one {@link TestResult} per test and JVM configuration, the very objects its own reports are
 * made from.
 *
 * <p>The file is read up to its last complete result, so the results of a run that was killed
 * are read as far as they got.
 */
final class JcstressResults {
    private static final String PREFIX = "jcstress-results-";
    private static final String SUFFIX = ".bin.gz";

    private JcstressResults() {}

    /** Whether {@code file} is a results file of jcstress. */
    static boolean isResultsFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    /** The results file jcstress wrote in {@code directory}, if it wrote one. */
    static List<Path> resultFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(JcstressResults::isResultsFile).sorted().toList();
        }
    }

    /**
     * Every result in {@code file}, by test name, in the order they were written.
     *
     * @return the results, and whether the file ended cleanly
     */
    static Read read(Path file) throws IOException {
        Map<String, List<TestResult>> byTest = new LinkedHashMap<>();
        boolean complete = true;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)));
             ObjectInputStream objects = new ObjectInputStream(in)) {
            while (true) {
                Object next = objects.readObject();
                if (next instanceof TestResult result) {
                    byTest.computeIfAbsent(result.getName(), name -> new ArrayList<>()).add(result);
                }
            }
        } catch (EOFException end) {
            // the normal end of the stream, or a stream cut short at a frame boundary
        } catch (IOException | ClassNotFoundException | ClassCastException cutShort) {
            complete = false;
        }
        return new Read(byTest, complete);
    }

    /**
     * What a results file held.
     *
     * @param byTest the results of each test, one per JVM configuration it ran in
     * @param complete false when the file ended in the middle of a result (jcstress was killed)
     */
    record Read(Map<String, List<TestResult>> byTest, boolean complete) {}
}
