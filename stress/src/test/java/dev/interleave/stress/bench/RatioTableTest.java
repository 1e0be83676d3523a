package dev.interleave.stress.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.stress.bench.RatioTable.Goal;
import dev.interleave.stress.bench.RatioTable.Result;
import dev.interleave.stress.bench.RatioTable.Row;
import dev.interleave.stress.bench.RatioTable.Verdict;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;

/** The table of ratios, from a small JMH result file written the way JMH 1.37 writes it. */
class RatioTableTest {
    private static final String SAMPLE = """
            [
              { "jmhVersion" : "1.37", "benchmark" : "dev.interleave.stress.bench.LockBench.lockUncontended",
                "mode" : "avgt", "threads" : 1, "forks" : 1, "jdkVersion" : "17.0.15",
                "vmName" : "OpenJDK 64-Bit Server VM", "warmupIterations" : 3, "warmupTime" : "1 s",
                "measurementIterations" : 5, "measurementTime" : "1 s",
                "primaryMetric" : { "score" : 10.0, "scoreError" : 1.0, "scoreUnit" : "ns/op" } },
              { "jmhVersion" : "1.37", "benchmark" : "dev.interleave.stress.bench.LockBench.reentrantLockUncontended",
                "mode" : "avgt", "threads" : 1, "forks" : 1,
                "primaryMetric" : { "score" : 9.0, "scoreError" : 0.5, "scoreUnit" : "ns/op" } },
              { "jmhVersion" : "1.37", "benchmark" : "dev.interleave.stress.bench.LockBench.lockContended",
                "mode" : "thrpt", "threads" : 2, "forks" : 1,
                "primaryMetric" : { "score" : 60.0, "scoreError" : 6.0, "scoreUnit" : "ops/us" } },
              { "jmhVersion" : "1.37", "benchmark" : "dev.interleave.stress.bench.LockBench.reentrantLockContended",
                "mode" : "thrpt", "threads" : 2, "forks" : 1,
                "primaryMetric" : { "score" : 100.0, "scoreError" : 5.0, "scoreUnit" : "ops/us" } },
              { "jmhVersion" : "1.37", "benchmark" : "dev.interleave.stress.bench.LockBench.fairLockContended",
                "mode" : "thrpt", "threads" : 2, "forks" : 1,
                "primaryMetric" : { "score" : 1.0, "scoreError" : 0.5, "scoreUnit" : "ops/us" } },
              { "jmhVersion" : "1.37", "benchmark" : "dev.interleave.stress.bench.LockBench.fairReentrantLockContended",
                "mode" : "thrpt", "threads" : 2, "forks" : 1,
                "primaryMetric" : { "score" : 1.1, "scoreError" : 0.5, "scoreUnit" : "ops/us" } },
              { "jmhVersion" : "1.37", "benchmark" : "dev.interleave.stress.bench.QueueBench.fifoQueue1P1C",
                "mode" : "thrpt", "threads" : 2, "forks" : 1, "params" : { "capacity" : "1024" },
                "primaryMetric" : { "score" : 9.0, "scoreError" : "NaN", "scoreUnit" : "ops/us" } },
              { "jmhVersion" : "1.37", "benchmark" : "dev.interleave.stress.bench.QueueBench.arrayBlockingQueue1P1C",
                "mode" : "thrpt", "threads" : 2, "forks" : 1, "params" : { "capacity" : "1024" },
                "primaryMetric" : { "score" : 10.0, "scoreError" : "NaN", "scoreUnit" : "ops/us" } },
              { "jmhVersion" : "1.37", "benchmark" : "dev.interleave.stress.bench.Extra.something",
                "mode" : "avgt", "threads" : 1, "forks" : 1,
                "primaryMetric" : { "score" : 123.456, "scoreError" : 7.0, "scoreUnit" : "ns/op" } }
            ]
            """;

    private static List<Result> results;
    private static List<Row> rows;
    private static String markdown;

    @BeforeAll
    static void readSample() throws Exception {
        JsonNode json = new ObjectMapper().readTree(SAMPLE);
        results = RatioTable.parse(json);
        rows = RatioTable.rows(results);
        markdown = RatioTable.markdown(RatioTable.run(json, "example.Impl", 2, 3.25), rows, RatioTable.unpaired(results));
    }

    private static Row row(String ours, String juc) {
        return rows.stream().filter(r -> r.pair().ours().equals(ours) && r.pair().juc().equals(juc))
                .findFirst().orElseThrow();
    }

    @Test
    void inTimeModesTheRatioIsOurTimeOverTheirsAndLowerIsBetter() {
        Row row = row("LockBench.lockUncontended", "LockBench.reentrantLockUncontended");
        assertEquals(10.0 / 9.0, row.ratio(), 1e-12);
        assertEquals(9.0 / 10.0, row.speed(), 1e-12);
        assertEquals(10.0 / 9.0 * Math.sqrt(0.1 * 0.1 + (0.5 / 9.0) * (0.5 / 9.0)), row.ratioError(), 1e-12);
        assertEquals(Verdict.MET, row.verdict());
        assertTrue(markdown.contains(
                "| lock(), uncontended | 10.0 ± 1.0 | ReentrantLock() | 9.00 ± 0.50 | ns/op | 1.11 ± 0.13 | 0.90× | ≤ 1.30 | met |"),
                markdown);
    }

    @Test
    void inThroughputModesTheRatioIsOurThroughputOverTheirsAndHigherIsBetter() {
        Row row = row("LockBench.lockContended", "LockBench.reentrantLockContended");
        assertEquals(0.6, row.ratio(), 1e-12);
        assertEquals(0.6, row.speed(), 1e-12);
        assertEquals(Verdict.MISSED, row.verdict());
        assertFalse(row.withinError(), "0.60 ± 0.07 is clear of 0.80");
        assertTrue(markdown.contains("| 60.0 ± 6.0 | ReentrantLock() | 100 ± 5 | ops/us | 0.60 ± 0.07 | 0.60× | ≥ 0.80 | missed |"),
                markdown);
    }

    @Test
    void aGoalInsideTheErrorIntervalIsSaidToBeWithinError() {
        Row row = row("LockBench.fairLockContended", "LockBench.fairReentrantLockContended");
        assertEquals(Verdict.MISSED, row.verdict());
        assertTrue(row.withinError());
        assertTrue(markdown.contains("| ≥ 1.00 | missed (within error) |"), markdown);
    }

    @Test
    void aMissingErrorIsNotANumberAndTheRowIsStillJudged() {
        Row row = row("QueueBench.fifoQueue1P1C", "QueueBench.arrayBlockingQueue1P1C");
        assertEquals(Map.of("capacity", "1024"), row.params());
        assertTrue(Double.isNaN(row.ours().error()));
        assertEquals(Verdict.MET, row.verdict());
        assertFalse(row.withinError());
        assertTrue(markdown.contains(
                "| fifoQueue(n), 1 producer / 1 consumer {capacity=1024} | 9.00 | ArrayBlockingQueue(n) | 10.0 | ops/us | 0.90 | 0.90× | ≥ 0.80 | met |"),
                markdown);
    }

    @Test
    void aPairThatDidNotRunIsReportedNotDropped() {
        Row row = row("BarrierBench.barrier", "BarrierBench.cyclicBarrier");
        assertEquals(Verdict.NO_RESULT, row.verdict());
        assertTrue(markdown.contains("| barrier(2), 2 threads meeting | — | CyclicBarrier(2) | — |"), markdown);
        assertTrue(markdown.contains(
                "| fifoQueue(n), 1 producer / 1 consumer {capacity=1024} | 9.00 | LinkedBlockingQueue(n) | — | ops/us |  |  |  | no result |"),
                "a side that did not run is shown missing, not hidden: " + markdown);
    }

    @Test
    void resultsOutsideEveryPairAreListedApart() {
        assertTrue(markdown.contains("| Extra.something | 123 ± 7 | ns/op |"), markdown);
    }

    @Test
    void theHeadingNamesImplementationAndSettings() {
        assertTrue(markdown.contains("Implementation: `example.Impl`. JDK 17.0.15 (OpenJDK 64-Bit Server VM), 2 CPUs. "
                + "JMH 1.37: 1 fork per benchmark, 3 × 1 s warm-up, 5 × 1 s measurement. "
                + "Load average when the run ended: 3.3 on 2 CPUs (busy: other work slowed the benchmarks unevenly)."),
                markdown);
        assertTrue(markdown.contains("Goals: 2 met, 2 missed."), markdown);
    }

    @Test
    void scoresKeepThreeSignificantDigitsWithoutExponents() {
        assertEquals("10.0", RatioTable.significant(9.9996, 3));
        assertEquals("1230", RatioTable.significant(1234.5, 3));
        assertEquals("0.0123", RatioTable.significant(0.012345, 3));
        assertEquals("0.00", RatioTable.significant(0.0, 3));
        assertEquals("11300", RatioTable.significant(11250.9, 3));
    }

    @Test
    void aGoalIsShownInTheDirectionOfTheRowsMode() {
        assertEquals("≤ 1.30", Goal.timeWithin(1.3).asRatioBound(false));
        assertEquals("≥ 0.77", Goal.timeWithin(1.3).asRatioBound(true));
        assertEquals("≤ 1.25", Goal.throughputAtLeast(0.8).asRatioBound(false));
    }

    @Test
    void theJsonIsValidAndCarriesNoNotANumber() throws Exception {
        String json = RatioTable.json(RatioTable.run(new ObjectMapper().readTree(SAMPLE), "example.Impl", 2, -1), rows);
        JsonNode doc = new ObjectMapper().readTree(json);
        assertEquals("example.Impl", doc.path("implementation").asText());
        JsonNode first = doc.path("rows").path(0);
        assertEquals("lock(), uncontended", first.path("pair").asText());
        assertEquals(10.0 / 9.0, first.path("ratio").asDouble(), 1e-12);
        assertFalse(first.path("higherIsBetter").asBoolean());
        assertEquals("met", first.path("verdict").asText());
        assertEquals("dev.interleave.stress.bench.LockBench.lockUncontended",
                first.path("ours").path("benchmark").asText());
        JsonNode queue = null;
        for (JsonNode row : doc.path("rows")) {
            if (row.path("counterpart").asText().equals("ArrayBlockingQueue(n)") && !row.path("params").isEmpty()) {
                queue = row;
            }
        }
        assertNotNull(queue);
        assertTrue(queue.path("ours").path("error").isNull(), "NaN is written as null");
        assertTrue(queue.path("ratioError").isNull());
        assertFalse(json.contains("NaN"), json);
        assertTrue(doc.path("run").path("loadAverage").isNull(), "an unknown load is null");
    }

    @Test
    void everyPairNamesABenchmarkThatExists() throws ClassNotFoundException {
        for (RatioTable.Pair pair : RatioTable.PAIRS) {
            for (String name : List.of(pair.ours(), pair.juc())) {
                int dot = name.indexOf('.');
                Class<?> type = Class.forName(RatioTable.PACKAGE + name.substring(0, dot));
                String id = name.substring(dot + 1);
                boolean found = Arrays.stream(type.getMethods())
                        .filter(m -> m.isAnnotationPresent(Benchmark.class))
                        .anyMatch(m -> m.getName().equals(id) || groupOf(m).equals(id));
                assertTrue(found, pair.label() + ": no benchmark method or group " + name);
            }
        }
    }

    private static String groupOf(Method method) {
        Group group = method.getAnnotation(Group.class);
        return group == null ? "" : group.value();
    }
}
