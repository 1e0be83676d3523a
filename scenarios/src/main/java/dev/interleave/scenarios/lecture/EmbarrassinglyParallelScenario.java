package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.Observation;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.explore.Task;
import dev.interleave.scenarios.record.Recording;
import dev.interleave.scenarios.record.Recording.Expectation;
import dev.interleave.scenarios.record.Recording.Verdict;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import dev.interleave.stress.harness.Worker;
import dev.interleave.stress.harness.Workers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 2 of the lecture, ray tracing: trace the path from the eye through each pixel and compute
 * the colour of what it sees. Ray tracing is embarrassingly parallel: little or no effort to
 * split the work into tasks, and no dependencies or communication between them. One task takes
 * an hour, two tasks half an hour.
 *
 * <p>A tiny ray tracer (a sphere over a checkered floor, one light, shadows) renders an image
 * serially and split by rows into 1, 2 and 4 tasks, each a thread of its own, started and
 * joined: the images are equal pixel for pixel. The speed-up measured on this machine is an
 * observation, never asserted.
 *
 * <p>The broken variant communicates where it need not: the tasks share one row counter ("take
 * the next row", then "mark it taken") and one scratch buffer to render a row into before copying
 * it to the image. The exploration finds the schedule in which the other task renders its row
 * into the scratch buffer before a row was copied out of it: a wrong image. The fix is the
 * lecture's: each task its own rows and its own buffer, no communication, and every schedule
 * gives the serial image.
 */
@InterleaveTest
@DisplayName("2. Embarrassingly parallel work")
public class EmbarrassinglyParallelScenario {
    static final Case CASE = new Case("embarrassingly-parallel", "2. Embarrassingly parallel work");

    /** The rendered image's size. */
    static final int WIDTH = 200;
    static final int HEIGHT = 150;

    /** The numbers of tasks the image is split into. */
    static final List<Integer> TASKS = List.of(1, 2, 4);

    /** Repetitions of each measurement; the best time counts. */
    static final int REPETITIONS = 3;

    /** The tiny image of an explored run: two rows, so that every schedule can be run. */
    static final int TINY_WIDTH = 8;
    static final int TINY_HEIGHT = 2;

    /** The tasks of an explored run. */
    static final List<String> EXPLORED_TASKS = List.of("Task 1", "Task 2");

    /**
     * A tiny ray tracer: the eye at the origin looks down -z at a red sphere standing on a
     * checkered floor, lit by a distant light that casts the sphere's shadow; each pixel is the
     * average of a few rays through it. Pure computation: the same pixel gets the same colour in
     * any thread.
     */
    static final class RayTracer {
        static final int SAMPLES = 3;
        static final double CX = 0;
        static final double CY = 0;
        static final double CZ = -3.5;
        static final double RADIUS = 1;
        static final double FLOOR = -1;
        static final double[] LIGHT = normalize(-0.6, 1.0, 0.5);

        private RayTracer() {}

        /** The colour of pixel (x, y) of a width x height image, as 0xRRGGBB. */
        static int pixel(int x, int y, int width, int height) {
            double aspect = (double) width / height;
            double r = 0;
            double g = 0;
            double b = 0;
            for (int sy = 0; sy < SAMPLES; sy++) {
                for (int sx = 0; sx < SAMPLES; sx++) {
                    double u = ((x + (sx + 0.5) / SAMPLES) / width * 2 - 1) * aspect * 0.6;
                    double v = (1 - (y + (sy + 0.5) / SAMPLES) / height * 2) * 0.6;
                    double[] d = normalize(u, v, -1);
                    double[] c = trace(d[0], d[1], d[2]);
                    r += c[0];
                    g += c[1];
                    b += c[2];
                }
            }
            int n = SAMPLES * SAMPLES;
            return channel(r / n) << 16 | channel(g / n) << 8 | channel(b / n);
        }

        /** The colour seen along the ray from the eye in direction (dx, dy, dz). */
        static double[] trace(double dx, double dy, double dz) {
            double sphere = hitSphere(0, 0, 0, dx, dy, dz);
            double floor = dy < 0 ? FLOOR / dy : Double.POSITIVE_INFINITY;
            if (sphere < floor) {
                double px = dx * sphere;
                double py = dy * sphere;
                double pz = dz * sphere;
                double[] n = normalize(px - CX, py - CY, pz - CZ);
                double diffuse = Math.max(0, dot(n, LIGHT));
                double[] reflected = reflect(dx, dy, dz, n);
                double specular = Math.pow(Math.max(0, dot(reflected, LIGHT)), 40);
                double light = 0.12 + 0.88 * diffuse;
                return new double[] {0.85 * light + specular, 0.15 * light + specular, 0.12 * light + specular};
            }
            if (floor < Double.POSITIVE_INFINITY) {
                double px = dx * floor;
                double pz = dz * floor;
                boolean light = ((int) Math.floor(px) + (int) Math.floor(pz)) % 2 == 0;
                double shade = hitSphere(px, FLOOR, pz, LIGHT[0], LIGHT[1], LIGHT[2]) < Double.POSITIVE_INFINITY
                        ? 0.35 : 1.0;
                double fade = Math.exp(floor * 0.04);
                double base = (light ? 0.9 : 0.3) * shade * (0.2 + 0.8 * LIGHT[1]) * fade;
                return new double[] {base, base, base};
            }
            double sky = 0.5 * (dy + 1);
            return new double[] {1 - 0.5 * sky, 1 - 0.3 * sky, 1.0};
        }

        /** The distance along the ray from (ox, oy, oz) to the sphere, or infinity when it misses. */
        static double hitSphere(double ox, double oy, double oz, double dx, double dy, double dz) {
            double lx = ox - CX;
            double ly = oy - CY;
            double lz = oz - CZ;
            double b = lx * dx + ly * dy + lz * dz;
            double c = lx * lx + ly * ly + lz * lz - RADIUS * RADIUS;
            double discriminant = b * b - c;
            if (discriminant < 0) {
                return Double.POSITIVE_INFINITY;
            }
            double t = -b - Math.sqrt(discriminant);
            return t > 1e-6 ? t : Double.POSITIVE_INFINITY;
        }

        static double[] reflect(double dx, double dy, double dz, double[] n) {
            double k = 2 * (dx * n[0] + dy * n[1] + dz * n[2]);
            return new double[] {dx - k * n[0], dy - k * n[1], dz - k * n[2]};
        }

        static double dot(double[] a, double[] b) {
            return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        }

        static double[] normalize(double x, double y, double z) {
            double length = Math.sqrt(x * x + y * y + z * z);
            return new double[] {x / length, y / length, z / length};
        }

        static int channel(double value) {
            return (int) Math.round(Math.min(1, Math.max(0, value)) * 255);
        }

        /** Renders rows [from, to) of a width x height image into {@code image}. */
        static void renderRows(int[] image, int width, int height, int from, int to) {
            for (int y = from; y < to; y++) {
                renderRow(image, y * width, width, height, y);
            }
        }

        /** Renders row y into {@code target}, starting at {@code offset}. */
        static void renderRow(int[] target, int offset, int width, int height, int y) {
            for (int x = 0; x < width; x++) {
                target[offset + x] = pixel(x, y, width, height);
            }
        }

        /** The whole image, by one task. */
        static int[] serial(int width, int height) {
            int[] image = new int[width * height];
            renderRows(image, width, height, 0, height);
            return image;
        }
    }

    /** The rows task k of n renders: a band of the image, as in the slide's figure. */
    static int from(int k, int n, int height) {
        return k * height / n;
    }

    /**
     * The image split by rows into {@code n} tasks, each a thread that renders its own band into
     * the image; the tasks are started, then joined. {@code done} notes which task finished which
     * band, in the order they finished.
     */
    static int[] parallel(int width, int height, int n, List<String> done) throws InterruptedException {
        int[] image = new int[width * height];
        try (Workers workers = new Workers()) {
            List<Worker<Void>> tasks = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int from = from(k, n, height);
                int to = from(k + 1, n, height);
                String name = "Task " + (k + 1);
                tasks.add(workers.start(name, () -> {
                    RayTracer.renderRows(image, width, height, from, to);
                    done.add(name + ": rows " + from + "-" + (to - 1));
                }));
            }
            for (Worker<Void> task : tasks) {
                task.join();
            }
        }
        return image;
    }

    /** How many pixels of {@code image} differ from {@code expected}. */
    static int differing(int[] expected, int[] image) {
        int count = 0;
        for (int i = 0; i < expected.length; i++) {
            count += expected[i] == image[i] ? 0 : 1;
        }
        return count;
    }

    @ExpectedSuccess
    @DisplayName("split by rows into 1, 2 and 4 tasks, the image equals the serial one pixel for pixel")
    void splitInTasksEqualsSerial() throws InterruptedException {
        int[] serial = RayTracer.serial(WIDTH, HEIGHT);
        Map<String, Object> details = new LinkedHashMap<>();
        List<Recording.Step> steps = new ArrayList<>();
        String wrong = null;
        for (int n : TASKS) {
            List<String> done = Collections.synchronizedList(new ArrayList<>());
            int[] image = parallel(WIDTH, HEIGHT, n, done);
            int differing = differing(serial, image);
            details.put(n + (n == 1 ? " task" : " tasks"), (serial.length - differing) + " of " + serial.length
                    + " pixels equal; " + String.join(", ", done));
            if (n == 2) {
                for (String line : done) {
                    String[] parts = line.split(": ", 2);
                    steps.add(new Recording.Step(steps.size() + 1, parts[0], "render " + parts[1], null, "step"));
                }
                steps.add(new Recording.Step(steps.size() + 1, "Main", "join both; " + (serial.length - differing)
                        + " of " + serial.length + " pixels equal the serial image", null, "step"));
            }
            if (differing > 0 && wrong == null) {
                wrong = "with " + n + " tasks, " + differing + " of " + serial.length
                        + " pixels differ from the serial image";
            }
        }
        CASE.judge(wrong == null ? Verdict.PASSED : Verdict.FAILED, Expectation.EXPECTED_SUCCESS, "split-by-rows",
                wrong == null ? "the image rendered by 1, 2 and 4 tasks equals the serial one pixel for pixel" : wrong,
                "real threads: a " + WIDTH + "x" + HEIGHT + " image rendered serially, then split by rows into 1, 2"
                        + " and 4 tasks, each task started and joined; compared pixel for pixel",
                List.of("Task 1", "Task 2", "Main"), null, steps, null, null, details);
    }

    @Observation
    @DisplayName("the speed-up on this machine (reported, never asserted)")
    void speedUp() throws InterruptedException {
        int[] serial = RayTracer.serial(WIDTH, HEIGHT);
        parallel(WIDTH, HEIGHT, 2, Collections.synchronizedList(new ArrayList<>()));
        long serialNanos = Long.MAX_VALUE;
        long[] best = new long[TASKS.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        String wrong = null;
        for (int round = 0; round < REPETITIONS; round++) {
            long start = System.nanoTime();
            RayTracer.serial(WIDTH, HEIGHT);
            serialNanos = Math.min(serialNanos, System.nanoTime() - start);
            for (int i = 0; i < TASKS.size(); i++) {
                start = System.nanoTime();
                int[] image = parallel(WIDTH, HEIGHT, TASKS.get(i), Collections.synchronizedList(new ArrayList<>()));
                best[i] = Math.min(best[i], System.nanoTime() - start);
                if (wrong == null && differing(serial, image) > 0) {
                    wrong = "with " + TASKS.get(i) + " tasks, " + differing(serial, image)
                            + " pixels differ from the serial image";
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processors", Runtime.getRuntime().availableProcessors());
        details.put("serial", millis(serialNanos));
        List<String> summary = new ArrayList<>();
        for (int i = 0; i < TASKS.size(); i++) {
            int n = TASKS.get(i);
            String speedUp = String.format(Locale.ROOT, "%.2f", (double) serialNanos / best[i]);
            details.put(n + (n == 1 ? " task" : " tasks"), millis(best[i]) + ", speed-up " + speedUp);
            summary.add(n + (n == 1 ? " task " : " tasks ") + speedUp + "x");
        }
        CASE.judge(wrong == null ? Verdict.OBSERVED : Verdict.FAILED, Expectation.OBSERVATION, "speed-up",
                wrong == null ? "speed-up over the serial rendering (" + millis(serialNanos) + ") on "
                        + Runtime.getRuntime().availableProcessors() + " processors: " + String.join(", ", summary)
                        : wrong,
                "real threads: the best of " + REPETITIONS + " rounds, each rendering a " + WIDTH + "x" + HEIGHT
                        + " image serially and split by rows into 1, 2 and 4 tasks; measured, not asserted (other"
                        + " programs on the machine take their share of the processors)",
                null, null, null, null, null, details);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** What the tasks of an explored run share (the broken variant) and what they render into. */
    static final class Render {
        final int[] expected = RayTracer.serial(TINY_WIDTH, TINY_HEIGHT);
        final int[] image = new int[TINY_WIDTH * TINY_HEIGHT];
        final int[] scratch = new int[TINY_WIDTH];
        final int[] rendered = new int[TINY_HEIGHT];
        int nextRow;

        /** Which row's pixels {@code pixels} holds: "row 1", "-" (nothing yet) or "?". */
        String holds(int[] pixels, int offset) {
            int[] row = Arrays.copyOfRange(pixels, offset, offset + TINY_WIDTH);
            if (Arrays.stream(row).allMatch(p -> p == 0)) {
                return "-";
            }
            for (int y = 0; y < TINY_HEIGHT; y++) {
                if (Arrays.equals(row, Arrays.copyOfRange(expected, y * TINY_WIDTH, (y + 1) * TINY_WIDTH))) {
                    return "row " + y;
                }
            }
            return "?";
        }

        /** The image's rows, by which row's pixels each holds. */
        String image() {
            List<String> rows = new ArrayList<>();
            for (int y = 0; y < TINY_HEIGHT; y++) {
                rows.add(holds(image, y * TINY_WIDTH));
            }
            return "[" + String.join(", ", rows) + "]";
        }

        /** What is wrong with the image: null when it equals the serial one. */
        String wrongRows() {
            List<String> wrong = new ArrayList<>();
            for (int y = 0; y < TINY_HEIGHT; y++) {
                String holds = holds(image, y * TINY_WIDTH);
                if (!holds.equals("row " + y)) {
                    wrong.add("row " + y + " of the image holds " + (holds.equals("-") ? "nothing"
                            : "the pixels of " + holds));
                }
            }
            return wrong.isEmpty() ? null : String.join(", ", wrong);
        }

        String renderedTwice() {
            List<String> twice = new ArrayList<>();
            for (int y = 0; y < TINY_HEIGHT; y++) {
                if (rendered[y] > 1) {
                    twice.add("row " + y);
                }
            }
            return twice.isEmpty() ? "" : "; " + String.join(" and ", twice) + " rendered twice";
        }
    }

    static void program(Setup s, boolean shared) {
        Render render = new Render();
        for (int k = 0; k < EXPLORED_TASKS.size(); k++) {
            int index = k;
            s.task(EXPLORED_TASKS.get(k), t -> {
                if (shared) {
                    renderSharingRowsAndBuffer(t, render);
                } else {
                    renderOwnRows(t, render, index);
                }
            });
        }
        s.state(shared ? "Shared" : "Image", () -> shared ? "next row " + render.nextRow + "; scratch: "
                + render.holds(render.scratch, 0) + "; image: " + render.image() : render.image());
        s.outcome(() -> {
            String wrong = render.wrongRows();
            return (wrong == null ? "the serial image" : "a wrong image: " + wrong) + render.renderedTwice();
        });
        s.check(() -> {
            String wrong = render.wrongRows();
            return wrong == null ? null
                    : "Wrong image: " + wrong + ". The other task rendered its row into the shared scratch buffer"
                            + " before this row was copied out of it: the tasks communicate through shared data,"
                            + " and the work is no longer embarrassingly parallel.";
        });
    }

    /** The broken variant: one shared row counter, one shared scratch buffer, no synchronization. */
    static void renderSharingRowsAndBuffer(Task t, Render render) throws Exception {
        while (true) {
            int row = t.call("take next row", () -> render.nextRow,
                    n -> n < TINY_HEIGHT ? "take next row (" + n + ")" : "take next row (none left)");
            if (row >= TINY_HEIGHT) {
                return;
            }
            t.run("mark row " + row + " taken", () -> render.nextRow = row + 1);
            t.run("render row " + row + " into the scratch buffer", () -> {
                RayTracer.renderRow(render.scratch, 0, TINY_WIDTH, TINY_HEIGHT, row);
                render.rendered[row]++;
            });
            t.run("copy the scratch buffer to row " + row,
                    () -> System.arraycopy(render.scratch, 0, render.image, row * TINY_WIDTH, TINY_WIDTH));
        }
    }

    /** The fix: task k renders rows k, k + n, ... into a buffer of its own, and shares nothing else. */
    static void renderOwnRows(Task t, Render render, int k) throws Exception {
        int[] buffer = new int[TINY_WIDTH];
        for (int row = k; row < TINY_HEIGHT; row += EXPLORED_TASKS.size()) {
            int y = row;
            t.run("render row " + y + " into its own buffer", () -> {
                RayTracer.renderRow(buffer, 0, TINY_WIDTH, TINY_HEIGHT, y);
                render.rendered[y]++;
            });
            t.run("copy its buffer to row " + y,
                    () -> System.arraycopy(buffer, 0, render.image, y * TINY_WIDTH, TINY_WIDTH));
        }
    }

    @ExpectedFailure
    @DisplayName("tasks that share a row counter and a scratch buffer render a wrong image")
    void sharedScratchBufferGivesAWrongImage() {
        Render tiny = new Render();
        assertTrue("row 0".equals(tiny.holds(tiny.expected, 0))
                && "row 1".equals(tiny.holds(tiny.expected, TINY_WIDTH)),
                "the tiny image's two rows should differ, so that a mixed-up row shows");
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, true),
                Options.systematic().allOutcomes()).explore();
        CASE.expectFailure("shared-scratch-buffer", "a wrong image", found, Explorer.Ending.VIOLATION);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @ExpectedSuccess
    @DisplayName("each task its own rows and its own buffer: the serial image in every schedule")
    void ownRowsGiveTheSerialImage() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, false),
                Options.systematic()).explore();
        CASE.expectSuccess("own-rows", found);
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }
}
