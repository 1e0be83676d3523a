package dev.interleave.reports;

import dev.interleave.reports.collect.Collector;
import dev.interleave.reports.model.Report;
import dev.interleave.reports.render.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Makes the interleaving report of a build: reads what every tool left under the project's
 * folder and writes {@code index.html}, {@code summary.md}, {@code report.json} and
 * {@code junit/}.
 */
@Command(name = "interleave-report", mixinStandardHelpOptions = true, version = "interleave-report 0.1.0",
        description = {"Makes one interleaving report of what jcstress, Lincheck, vmlens, the conformance suite,",
            "the scenarios and the kill matrix left in a project's target folders (after mvn verify)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was written (and, with --fail-on-violations, nothing failed)",
            "1:--fail-on-violations and the report lists violations", "2:bad options or the report could not be written"})
public final class ReportMain implements Callable<Integer> {

    @Option(names = "--root", paramLabel = "<folder>", defaultValue = ".",
            description = "The project's folder, holding primitives/, stress/, scenarios/ (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--out", paramLabel = "<folder>",
            description = "Where to write the report (default: <root>/reports/target/interleave-report).")
    Path out;

    @Option(names = "--generated-at", paramLabel = "<instant>",
            description = "The time written into the report, ISO-8601 (default: now).")
    String generatedAt;

    @Option(names = "--quiet", description = "Print nothing (the files say it all).")
    boolean quiet;

    @Option(names = "--fail-on-violations",
            description = "Exit with 1 after writing the report when it lists violations (the build's verdict).")
    boolean failOnViolations;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new ReportMain())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("interleave-report: cannot write the report: " + e.getMessage());
                    return 2;
                })
                .setExitCodeExceptionMapper(e -> 2)
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(root)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--root " + root + " is not a folder");
        }
        Path target = out != null ? out : root.resolve("reports/target/interleave-report");
        Files.createDirectories(target);
        Path raw = target.resolve("raw");
        deleteRecursively(raw);
        String generated = generatedAt != null ? generatedAt : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Report report = new Collector(root, (source, name) -> copy(source, raw.resolve(name)) ? "raw/" + name : null)
                .collect(generated);
        ReportWriter writer = new ReportWriter();
        Path index = target.resolve("index.html").toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        writer.write(report, target, index.startsWith(base) ? base.relativize(index).toString() : "index.html");
        writer.writeJUnit(root, report, target);
        if (quiet) {
            return failOnViolations && !report.verdict().equals("PASSED") ? 1 : 0;
        }
        System.out.println("[interleave] report: " + target.resolve("index.html").toAbsolutePath().normalize() + " — "
                + report.verdict() + (report.failures().isEmpty() ? "" : " (" + report.failures().size() + " violation(s))"));
        for (Report.Failure f : report.failures().subList(0, Math.min(5, report.failures().size()))) {
            System.out.println("[interleave]   " + f.tool() + ": " + f.test() + ": " + ReportWriter.headline(f.message()));
        }
        if (report.verdict().equals("EMPTY")) {
            System.out.println("[interleave]   no tool left anything to read under " + base + ": nothing was checked");
        }
        return failOnViolations && !report.verdict().equals("PASSED") ? 1 : 0;
    }

    private static boolean copy(Path source, Path target) {
        if (!Files.exists(source)) {
            return false;
        }
        try {
            if (Files.isRegularFile(source)) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                return true;
            }
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into the report: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
