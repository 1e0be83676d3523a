package dev.interleave.reports.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the grader in this JVM (its children are JVMs of their own) and reads what it wrote. */
record Grading(int exitCode, double seconds, String console, JsonNode results) {

    static Grading run(Path out, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("grade"));
        all.addAll(List.of(args));
        all.add("--out");
        all.add(out.toString());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        CommandLine line = GraderMain.commandLine();
        line.setErr(new PrintWriter(text, true, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        java.io.PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(text, true, StandardCharsets.UTF_8));
            code = line.execute(all.toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path results = out.resolve("results.json");
        JsonNode json = results.toFile().exists() ? new ObjectMapper().readTree(results.toFile()) : null;
        return new Grading(code, seconds, text.toString(StandardCharsets.UTF_8), json);
    }

    static final Path FIXTURES = Path.of("src/test/resources/dev/interleave/reports/grade/submissions");

    /** A fixture submission: the shared {@code common} folder and the fixture's own, copied into {@code target}. */
    static Path fixture(String name, Path target) throws IOException {
        for (String part : new String[] {"common", name}) {
            Path from = FIXTURES.resolve(part);
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(from)) {
                for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    Path to = target.resolve(from.relativize(f).toString());
                    java.nio.file.Files.createDirectories(to.getParent());
                    java.nio.file.Files.copy(f, to);
                }
            }
        }
        return target;
    }

    /** The test (rubric item) named {@code name} in results.json. */
    JsonNode test(String name) {
        for (JsonNode test : results.get("tests")) {
            if (test.get("name").asText().equals(name)) {
                return test;
            }
        }
        throw new AssertionError("no test '" + name + "' in results.json:\n" + results.toPrettyString() + "\n" + console);
    }

    double score(String name) {
        return test(name).get("score").asDouble();
    }
}
