package dev.interleave.reports.grade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A submission made ready to grade, without ever loading one of its classes: sources compiled by
 * {@code javac} in a process of its own (annotation processing off) against the contract alone,
 * or a jar's class files extracted; copies of the contract's own classes dropped; then read by
 * {@link SubmissionScan}.
 *
 * @param classes the folder of the submission's class files (and nothing else), the only
 *        location of submission code the child JVMs see
 * @param primitives the class that implements the contract
 * @param notes what the grader noticed on the way (dropped files, unimplemented methods...)
 * @param unimplemented factory methods whose body only throws UnsupportedOperationException
 */
public record Submission(Path classes, String primitives, List<String> notes, List<String> unimplemented) {
    static final String CONTRACT_PACKAGE = "dev/interleave/primitives/";
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_BYTES = 64L << 20;
    static final long COMPILE_SECONDS = 120;

    /** Prepares {@code input} (a folder of sources or a jar) in {@code work}, compiling for at most 120 s. */
    public static Submission prepare(Path input, Path work, GraderClasspath grader)
            throws InvalidSubmissionException, IOException, InterruptedException {
        return prepare(input, work, grader, COMPILE_SECONDS);
    }

    /** Prepares {@code input} in {@code work}; compiling takes {@code compileSeconds} at the most. */
    public static Submission prepare(Path input, Path work, GraderClasspath grader, long compileSeconds)
            throws InvalidSubmissionException, IOException, InterruptedException {
        if (!Files.exists(input)) {
            throw new InvalidSubmissionException("there is no submission at " + input);
        }
        Path classes = work.resolve("submission-classes");
        Files.createDirectories(classes);
        List<String> notes = new ArrayList<>();
        if (Files.isDirectory(input)) {
            Path jar = onlyJar(input);
            if (jar != null) {
                notes.add("graded the jar " + input.relativize(jar) + " (the folder holds no .java source)");
                extract(jar, classes, notes);
            } else {
                compile(mainSources(input, notes), classes, work, grader, notes, compileSeconds);
            }
        } else if (input.getFileName().toString().endsWith(".jar")) {
            extract(input, classes, notes);
        } else {
            throw new InvalidSubmissionException(input.getFileName() + " is neither a folder of .java sources nor a "
                    + ".jar");
        }
        dropContractCopies(classes, notes);
        SubmissionScan scan = SubmissionScan.read(classes, grader);
        return new Submission(classes, scan.primitives(), List.copyOf(notes), scan.unimplemented());
    }

    /** The one jar of a folder that holds no .java file (how an upload of a jar arrives), or null. */
    private static Path onlyJar(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            List<Path> jars = files.stream().filter(f -> f.toString().endsWith(".jar")).toList();
            boolean sources = files.stream().anyMatch(f -> f.toString().endsWith(".java"));
            return !sources && jars.size() == 1 ? jars.get(0) : null;
        }
    }

    /** {@code src/main/java} when the folder is laid out as a Maven or Gradle project (its tests are not graded). */
    private static Path mainSources(Path folder, List<String> notes) throws IOException {
        try (Stream<Path> walk = Files.walk(folder, 4)) {
            Path main = walk.filter(p -> Files.isDirectory(p) && p.endsWith(Path.of("src", "main", "java")))
                    .sorted().findFirst().orElse(null);
            if (main == null) {
                return folder;
            }
            notes.add("compiled " + folder.relativize(main) + " only (the project's other sources, tests included, "
                    + "are not part of the submission)");
            return main;
        }
    }

    /** Compiles every .java file under {@code sources} into {@code classes}; the compiler's errors are the message. */
    private static void compile(Path sources, Path classes, Path work, GraderClasspath grader, List<String> notes,
            long seconds) throws InvalidSubmissionException, IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new InvalidSubmissionException("the submission folder holds no .java file");
        }
        List<Path> own = files.stream().filter(f -> !isContractSource(sources, f)).toList();
        if (own.size() < files.size()) {
            notes.add("ignored " + (files.size() - own.size()) + " copied source file(s) of the contract "
                    + "(dev.interleave.primitives): the grader uses its own");
        }
        if (own.isEmpty()) {
            throw new InvalidSubmissionException("the submission holds only the contract's own sources");
        }
        Path contract = grader.contractClasses(work.resolve("contract"));
        Path arguments = work.resolve("javac-sources.txt");
        List<String> lines = new ArrayList<>();
        for (Path f : own) {
            lines.add("\"" + f.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        Files.write(arguments, lines, StandardCharsets.UTF_8);
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        if (!Files.isExecutable(javac)) {
            throw new IllegalStateException("no javac at " + javac + ": the grader needs a JDK, not a JRE, to compile "
                    + "sources");
        }
        Path output = work.resolve("javac-output.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int exit = javac(javac, "UTF-8", classes, contract, arguments, output, deadline);
        if (exit != 0 && Files.readString(output, StandardCharsets.UTF_8).contains("unmappable character")) {
            // Sources saved in Latin-1 (an editor's default on some systems): read them as such.
            exit = javac(javac, "ISO-8859-1", classes, contract, arguments, output, deadline);
            if (exit == 0) {
                notes.add("the sources are not UTF-8: they were read as ISO-8859-1 (Latin-1)");
            }
        }
        String errors = Files.readString(output, StandardCharsets.UTF_8).strip();
        if (exit != 0) {
            String shown = errors.replace(sources.toAbsolutePath() + "/", "");
            String hint = shown.contains("package org.junit") ? "\n\n(Tests of your own cannot be compiled here: leave "
                    + "them out of the submission, or put the sources in src/main/java and the tests in src/test/java.)"
                    : "";
            throw new InvalidSubmissionException("the submission does not compile (javac --release 17, against the "
                    + "contract only):\n\n" + shown + hint);
        }
    }

    /** Runs javac with {@code encoding} until {@code deadline}; its exit code, its output in {@code output}. */
    private static int javac(Path javac, String encoding, Path classes, Path contract, Path arguments, Path output,
            long deadline) throws IOException, InterruptedException, InvalidSubmissionException {
        Process process = new ProcessBuilder(javac.toString(), "-J-Xmx512m", "-proc:none", "-encoding", encoding,
                "--release", "17", "-nowarn", "-Xmaxerrs", "50", "-implicit:none", "-d", classes.toString(),
                "-cp", contract.toString(), "@" + arguments)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            ChildProcess.destroyTree(process.toHandle());
            throw new InvalidSubmissionException("compiling took too long and was stopped");
        }
        return process.exitValue();
    }

    private static final java.util.regex.Pattern PACKAGE =
            java.util.regex.Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", java.util.regex.Pattern.MULTILINE);

    private static boolean isContractSource(Path root, Path file) {
        try {
            var m = PACKAGE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return m.find() && m.group(1).equals("dev.interleave.primitives");
        } catch (IOException e) {
            return false;
        }
    }

    /** Extracts the class files of {@code jar} into {@code classes}, within bounds; other files are left out. */
    private static void extract(Path jar, Path classes, List<String> notes) throws InvalidSubmissionException, IOException {
        int skipped = 0;
        long total = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new InvalidSubmissionException("the jar holds " + zip.size() + " entries (at most " + MAX_ENTRIES
                        + ")");
            }
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.contains("..")
                        || name.startsWith("/") || name.contains("\\") || name.equals("module-info.class")) {
                    skipped++;
                    continue;
                }
                Path target = classes.resolve(name).normalize();
                if (!target.startsWith(classes)) {
                    skipped++;
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes((int) Math.min(MAX_BYTES - total + 1, Integer.MAX_VALUE - 8));
                    total += bytes.length;
                    if (total > MAX_BYTES) {
                        throw new InvalidSubmissionException("the jar's classes exceed " + (MAX_BYTES >> 20) + " MB");
                    }
                    Files.write(target, bytes);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new InvalidSubmissionException(jar.getFileName() + " is not a readable jar: " + e.getMessage());
        }
        if (skipped > 0) {
            notes.add("left out " + skipped + " file(s) of the jar that are not class files (resources, services, "
                    + "multi-release versions): only classes are graded");
        }
    }

    /** Removes the submission's copies of the contract's classes: the grader's own are used. */
    private static void dropContractCopies(Path classes, List<String> notes) throws IOException {
        Path contract = classes.resolve(CONTRACT_PACKAGE);
        if (!Files.isDirectory(contract)) {
            return;
        }
        int dropped = 0;
        try (Stream<Path> files = Files.list(contract)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && f.toString().endsWith(".class")) {
                    Files.delete(f);
                    dropped++;
                }
            }
        }
        if (dropped > 0) {
            notes.add("dropped " + dropped + " class file(s) of the contract's package (dev.interleave.primitives): "
                    + "the grader uses its own");
        }
    }
}
