package dev.interleave.stress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.interleave.primitives.Primitives;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns JMH's JSON results into the table of ratios: for each pair, our score and the
 * {@code java.util.concurrent} score with JMH's errors, the ratio ours / j.u.c with its
 * propagated error, and the goal that pair is held to.
 *
 * <p>Usage: {@code RatioTable <jmh.json> <output folder>}; writes {@code ratios.md} and
 * {@code ratios.json} there. Goals are targets, not gates: a missed goal is reported, and the
 * program still succeeds. It fails only when the results cannot be read.
 *
 * <h2>Orientation</h2>
 *
 * <p>The ratio is always our score divided by j.u.c's, in the unit of the benchmark's mode:
 * <ul>
 *   <li>time modes ({@code avgt}, {@code sample}, {@code ss}; ns/op): lower is better, a ratio
 *       below 1 means ours is faster;</li>
 *   <li>throughput ({@code thrpt}; ops/µs): higher is better, a ratio above 1 means ours is
 *       faster.</li>
 * </ul>
 * The <i>speed</i> column puts both in one direction: how fast ours runs with j.u.c as 1
 * (j.u.c's time / ours, or our throughput / j.u.c's). A goal is a minimum speed, shown as a
 * bound on the ratio in the row's own mode, so a goal still reads right when a run overrides the
 * mode ({@code -bm}).
 *
 * <h2>Errors</h2>
 *
 * <p>A score's error is JMH's: the half-width of its 99.9% confidence interval over the
 * measurement iterations ({@code NaN} with fewer than two). The ratio's error is propagated to
 * first order, {@code r·√((εa/a)² + (εb/b)²)}. A verdict is "within error" when the bound lies
 * inside the ratio's interval: it could go either way on another run.
 */
public final class RatioTable {

    static final String PACKAGE = "dev.interleave.stress.bench.";

    /**
     * A minimum speed of ours relative to j.u.c (1 = as fast), and the direction it was stated in
     * (shown when no result tells the mode).
     */
    record Goal(double minSpeed, boolean statedAsThroughput) {
        /** Our time at most {@code factor} times j.u.c's. */
        static Goal timeWithin(double factor) {
            return new Goal(1.0 / factor, false);
        }

        /** Our throughput at least {@code factor} times j.u.c's. */
        static Goal throughputAtLeast(double factor) {
            return new Goal(factor, true);
        }

        /** The goal as a bound on the ratio ours / j.u.c in a mode of that direction. */
        String asRatioBound(boolean higherIsBetter) {
            return higherIsBetter ? "≥ " + fixed(minSpeed, 2) : "≤ " + fixed(1.0 / minSpeed, 2);
        }
    }

    /**
     * Two benchmarks that measure the same thing with our primitive and with j.u.c's.
     *
     * @param ours benchmark name relative to {@value #PACKAGE} ({@code Class.method} or
     *        {@code Class.group})
     * @param goal null when the pair is measured without a goal
     */
    record Pair(String label, String ours, String juc, String counterpart, Goal goal) {}

    /** The pairs, in the order of the table. */
    static final List<Pair> PAIRS = List.of(
            new Pair("lock(), uncontended", "LockBench.lockUncontended",
                    "LockBench.reentrantLockUncontended", "ReentrantLock()", Goal.timeWithin(1.3)),
            new Pair("lock(), 2 threads contending", "LockBench.lockContended",
                    "LockBench.reentrantLockContended", "ReentrantLock()", Goal.throughputAtLeast(0.8)),
            new Pair("fairLock(), 2 threads contending", "LockBench.fairLockContended",
                    "LockBench.fairReentrantLockContended", "ReentrantLock(true)", Goal.throughputAtLeast(1.0)),
            new Pair("rlock(), nested acquire", "RLockBench.rlockNested",
                    "RLockBench.reentrantLockNested", "ReentrantLock()", null),
            new Pair("semaphore(1), uncontended", "SemaphoreBench.semaphoreUncontended",
                    "SemaphoreBench.jucSemaphoreUncontended", "Semaphore(1)", null),
            new Pair("semaphore(n), 2 threads", "SemaphoreBench.semaphoreContended",
                    "SemaphoreBench.jucSemaphoreContended", "Semaphore(n)", null),
            new Pair("fifoQueue(n), 1 producer / 1 consumer", "QueueBench.fifoQueue1P1C",
                    "QueueBench.arrayBlockingQueue1P1C", "ArrayBlockingQueue(n)", Goal.throughputAtLeast(0.8)),
            new Pair("fifoQueue(n), 1 producer / 1 consumer", "QueueBench.fifoQueue1P1C",
                    "QueueBench.linkedBlockingQueue1P1C", "LinkedBlockingQueue(n)", null),
            new Pair("fifoQueue(n), 2 producers / 2 consumers", "QueueBench.fifoQueue2P2C",
                    "QueueBench.arrayBlockingQueue2P2C", "ArrayBlockingQueue(n)", null),
            new Pair("fifoQueue(n), 2 producers / 2 consumers", "QueueBench.fifoQueue2P2C",
                    "QueueBench.linkedBlockingQueue2P2C", "LinkedBlockingQueue(n)", null),
            new Pair("event(), start gate hand-off", "GateBench.event",
                    "GateBench.countDownLatch", "CountDownLatch(1)", null),
            new Pair("barrier(2), 2 threads meeting", "BarrierBench.barrier",
                    "BarrierBench.cyclicBarrier", "CyclicBarrier(2)", null));

    /** One benchmark's primary result. */
    record Result(String benchmark, Map<String, String> params, String mode, double score, double error,
            String unit) {
        boolean higherIsBetter() {
            return "thrpt".equals(mode);
        }
    }

    enum Verdict {
        MET("met"), MISSED("missed"), NO_GOAL("—"), NO_RESULT("no result");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** A row of the table: a pair for one combination of parameters. */
    record Row(Pair pair, Map<String, String> params, Result ours, Result juc) {
        boolean complete() {
            return ours != null && juc != null && ours.mode().equals(juc.mode()) && ours.unit().equals(juc.unit());
        }

        double ratio() {
            return ours.score() / juc.score();
        }

        double ratioError() {
            return ratio() * Math.hypot(ours.error() / ours.score(), juc.error() / juc.score());
        }

        /** How fast ours runs with j.u.c as 1. */
        double speed() {
            return ours.higherIsBetter() ? ratio() : 1.0 / ratio();
        }

        /** The speed's error: the same relative error as the ratio's. */
        double speedError() {
            return speed() * ratioError() / ratio();
        }

        Verdict verdict() {
            if (!complete()) {
                return Verdict.NO_RESULT;
            }
            if (pair.goal() == null) {
                return Verdict.NO_GOAL;
            }
            return speed() >= pair.goal().minSpeed() ? Verdict.MET : Verdict.MISSED;
        }

        /** Whether the goal's bound lies inside the speed's error interval. */
        boolean withinError() {
            if ((verdict() != Verdict.MET && verdict() != Verdict.MISSED) || Double.isNaN(speedError())) {
                return false;
            }
            return Math.abs(speed() - pair.goal().minSpeed()) <= speedError();
        }

        String label() {
            return pair.label() + (params.isEmpty() ? "" : " " + params);
        }

        String verdictText() {
            return verdict().text + (withinError() ? " (within error)" : "");
        }
    }

    /** Facts about the run, for the heading. */
    record Run(String implementation, String jmhVersion, String jdk, String vm, int forks, int warmupIterations,
            String warmupTime, int measurementIterations, String measurementTime, int processors, double load) {}

    private RatioTable() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RatioTable <jmh.json> <output folder>");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (!Files.isRegularFile(input)) {
            System.err.println("RatioTable: no JMH results at " + input.toAbsolutePath()
                    + " (did JMH run? it writes them with -rf json -rff <file>)");
            System.exit(1);
        }
        JsonNode json = new ObjectMapper().readTree(input.toFile());
        List<Result> results = parse(json);
        Run run = run(json, implementation(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Row> rows = rows(results);
        Files.createDirectories(out);
        Files.writeString(out.resolve("ratios.md"), markdown(run, rows, unpaired(results)), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("ratios.json"), json(run, rows), StandardCharsets.UTF_8);
        System.out.println(markdown(run, rows, unpaired(results)));
        System.out.println("Written: " + out.resolve("ratios.md").toAbsolutePath() + " and ratios.json");
    }

    /** The implementation the benchmarks loaded: the same properties and class path give the same answer. */
    private static String implementation() {
        try {
            return Primitives.load().getClass().getName();
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    static List<Result> parse(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("JMH results must be a JSON array of benchmarks");
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode entry : json) {
            JsonNode primary = entry.path("primaryMetric");
            Map<String, String> params = new TreeMap<>();
            entry.path("params").properties().forEach(f -> params.put(f.getKey(), f.getValue().asText()));
            results.add(new Result(relative(entry.path("benchmark").asText()), params, entry.path("mode").asText(),
                    number(primary.path("score")), number(primary.path("scoreError")),
                    primary.path("scoreUnit").asText()));
        }
        return results;
    }

    /** JMH writes a missing error as the string "NaN". */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String relative(String benchmark) {
        return benchmark.startsWith(PACKAGE) ? benchmark.substring(PACKAGE.length()) : benchmark;
    }

    /**
     * @param load the system load average over the last minute when the run ended (negative if
     *        unknown): other work on the machine slows some benchmarks more than others
     */
    static Run run(JsonNode json, String implementation, int processors, double load) {
        JsonNode first = json.path(0);
        return new Run(implementation, first.path("jmhVersion").asText("?"),
                first.path("jdkVersion").asText("?"), first.path("vmName").asText("?"),
                first.path("forks").asInt(), first.path("warmupIterations").asInt(),
                first.path("warmupTime").asText("?"), first.path("measurementIterations").asInt(),
                first.path("measurementTime").asText("?"), processors, load);
    }

    /** One row per pair and parameter combination of our side (one row with no result if neither side ran). */
    static List<Row> rows(List<Result> results) {
        List<Row> rows = new ArrayList<>();
        for (Pair pair : PAIRS) {
            Set<Map<String, String>> combinations = new LinkedHashSet<>();
            for (Result r : results) {
                if (r.benchmark().equals(pair.ours()) || r.benchmark().equals(pair.juc())) {
                    combinations.add(r.params());
                }
            }
            if (combinations.isEmpty()) {
                combinations.add(Map.of());
            }
            for (Map<String, String> params : combinations) {
                rows.add(new Row(pair, params, find(results, pair.ours(), params), find(results, pair.juc(), params)));
            }
        }
        return rows;
    }

    private static Result find(List<Result> results, String benchmark, Map<String, String> params) {
        for (Result r : results) {
            if (r.benchmark().equals(benchmark) && r.params().equals(params)) {
                return r;
            }
        }
        return null;
    }

    static List<Result> unpaired(List<Result> results) {
        List<Result> unpaired = new ArrayList<>();
        for (Result r : results) {
            if (PAIRS.stream().noneMatch(p -> p.ours().equals(r.benchmark()) || p.juc().equals(r.benchmark()))) {
                unpaired.add(r);
            }
        }
        return unpaired;
    }

    // ---- writing -------------------------------------------------------------------------------

    static String markdown(Run run, List<Row> rows, List<Result> unpaired) {
        StringBuilder md = new StringBuilder();
        md.append("# Primitives against java.util.concurrent\n\n");
        md.append("Implementation: `").append(run.implementation()).append("`. ");
        md.append("JDK ").append(run.jdk()).append(" (").append(run.vm()).append("), ")
                .append(run.processors()).append(" CPUs. ");
        md.append("JMH ").append(run.jmhVersion()).append(": ").append(run.forks())
                .append(run.forks() == 1 ? " fork" : " forks").append(" per benchmark, ")
                .append(run.warmupIterations()).append(" × ").append(run.warmupTime()).append(" warm-up, ")
                .append(run.measurementIterations()).append(" × ").append(run.measurementTime())
                .append(" measurement.");
        if (run.load() >= 0) {
            md.append(" Load average when the run ended: ").append(fixed(run.load(), 1)).append(" on ")
                    .append(run.processors()).append(" CPUs")
                    .append(run.load() > run.processors() ? " (busy: other work slowed the benchmarks unevenly)" : "")
                    .append('.');
        }
        md.append("\n\n");
        md.append("| pair | ours | against | j.u.c | unit | ours / j.u.c | speed of ours | goal | verdict |\n");
        md.append("|---|---:|---|---:|---|---:|---:|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.label())
                    .append(" | ").append(score(row.ours()))
                    .append(" | ").append(row.pair().counterpart())
                    .append(" | ").append(score(row.juc()))
                    .append(" | ").append(row.ours() != null ? row.ours().unit() : row.juc() != null ? row.juc().unit() : "")
                    .append(" | ").append(row.complete() ? withError(row.ratio(), row.ratioError(), 2) : "")
                    .append(" | ").append(row.complete() ? fixed(row.speed(), 2) + "×" : "")
                    .append(" | ").append(goal(row))
                    .append(" | ").append(row.verdictText())
                    .append(" |\n");
        }
        long met = rows.stream().filter(r -> r.verdict() == Verdict.MET).count();
        long missed = rows.stream().filter(r -> r.verdict() == Verdict.MISSED).count();
        md.append("\nGoals: ").append(met).append(" met, ").append(missed).append(" missed.\n");
        md.append("""

                How to read it: *ours / j.u.c* divides our score by j.u.c's, in the unit of the row. \
                In time units (ns/op: average time) lower is better, so a ratio below 1 means ours is \
                faster; in throughput units (ops/us) higher is better, so a ratio above 1 means ours is \
                faster. *Speed of ours* puts both in one direction: how fast ours runs with j.u.c as \
                1× (above 1× is faster). Scores are given ± JMH's error (half-width of the 99.9% \
                confidence interval over the measurement iterations); the ratio's error is propagated \
                from both, r·√((εa/a)² + (εb/b)²). A goal is a bound on the ratio; "within error" \
                means the bound lies inside the ratio's error interval, so another run may well \
                decide otherwise. The 2-producer/2-consumer queue rows run four threads: on two \
                cores, threads are also descheduled while holding the queue's lock.
                """);
        if (!unpaired.isEmpty()) {
            md.append("\nOther results (no pair):\n\n| benchmark | score | unit |\n|---|---:|---|\n");
            for (Result r : unpaired) {
                md.append("| ").append(r.benchmark()).append(r.params().isEmpty() ? "" : " " + r.params())
                        .append(" | ").append(score(r)).append(" | ").append(r.unit()).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String goal(Row row) {
        Goal goal = row.pair().goal();
        if (goal == null) {
            return "";
        }
        boolean higherIsBetter = row.ours() != null ? row.ours().higherIsBetter()
                : row.juc() != null ? row.juc().higherIsBetter() : goal.statedAsThroughput();
        return goal.asRatioBound(higherIsBetter);
    }

    /** A score to three significant digits, and its error to the same place. */
    private static String score(Result r) {
        if (r == null) {
            return "—";
        }
        if (!Double.isFinite(r.score())) {
            return String.valueOf(r.score());
        }
        int scale = scaleFor(r.score(), 3);
        String score = rounded(r.score(), scale);
        return Double.isFinite(r.error()) ? score + " ± " + rounded(r.error(), scale) : score;
    }

    private static String withError(double value, double error, int decimals) {
        return fixed(value, decimals) + (Double.isNaN(error) ? "" : " ± " + fixed(error, decimals));
    }

    /** {@code value} with {@code digits} significant digits, never in exponent form (10.0, 1230, 0.0123). */
    static String significant(double value, int digits) {
        return Double.isFinite(value) ? rounded(value, scaleFor(value, digits)) : String.valueOf(value);
    }

    /** The scale (decimals; negative: tens, hundreds, ...) that leaves {@code digits} significant digits. */
    private static int scaleFor(double value, int digits) {
        if (value == 0.0) {
            return digits - 1;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int magnitude = rounded.precision() - rounded.scale() - 1;
        return digits - 1 - magnitude;
    }

    private static String rounded(double value, int scale) {
        return new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String json(Run run, List<Row> rows) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("implementation", run.implementation());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("jmhVersion", run.jmhVersion());
        settings.put("jdk", run.jdk());
        settings.put("vm", run.vm());
        settings.put("processors", run.processors());
        settings.put("loadAverage", run.load() >= 0 ? run.load() : null);
        settings.put("forks", run.forks());
        settings.put("warmupIterations", run.warmupIterations());
        settings.put("warmupTime", run.warmupTime());
        settings.put("measurementIterations", run.measurementIterations());
        settings.put("measurementTime", run.measurementTime());
        doc.put("run", settings);
        doc.put("ratio", "ours / j.u.c, in the row's unit; time units: lower is better, throughput: higher is better");
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("pair", row.pair().label());
            r.put("counterpart", row.pair().counterpart());
            r.put("params", row.params());
            r.put("ours", side(row.ours()));
            r.put("juc", side(row.juc()));
            boolean complete = row.complete();
            r.put("higherIsBetter", complete ? row.ours().higherIsBetter() : null);
            r.put("ratio", complete ? finite(row.ratio()) : null);
            r.put("ratioError", complete ? finite(row.ratioError()) : null);
            r.put("speed", complete ? finite(row.speed()) : null);
            r.put("speedError", complete ? finite(row.speedError()) : null);
            r.put("goal", row.pair().goal() == null ? null : goal(row));
            r.put("goalMinSpeed", row.pair().goal() == null ? null : row.pair().goal().minSpeed());
            r.put("verdict", row.verdict().name().toLowerCase(Locale.ROOT));
            r.put("withinError", row.withinError());
            list.add(r);
        }
        doc.put("rows", list);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
    }

    private static Map<String, Object> side(Result r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("benchmark", PACKAGE + r.benchmark());
        side.put("mode", r.mode());
        side.put("score", finite(r.score()));
        side.put("error", finite(r.error()));
        side.put("unit", r.unit());
        return side;
    }

    /** JSON has no NaN: a missing number is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
