package dev.interleave.reports.grade;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Makes a Gradescope autograder zip: {@code setup.sh} installs a JDK 17 on Gradescope's Ubuntu
 * 22.04 image, {@code run_autograder} grades {@code /autograder/submission} with the grader jar
 * (the very jar this command runs from, copied into the zip) and the options given here, and
 * Gradescope reads the score from {@code /autograder/results/results.json}.
 *
 * <p>Implementation note: the scripts are templates in {@code gradescope/} beside this class; the
 * options are shell-quoted into {@code run_autograder}. They are first read as {@code grade} reads
 * them (its parser, rubric, policy and budget readers), so that a zip whose every run would fail
 * is never written. The zip
 * is written through the JDK's zip file system, which records Unix modes: the scripts are 0755,
 * since Gradescope runs {@code run_autograder} as an executable. The zip is written beside
 * {@code --out} and moved there when complete.
 */
@Command(name = "package", mixinStandardHelpOptions = true, versionProvider = GraderMain.Version.class,
        description = {"Writes a Gradescope autograder zip.",
            "%nThe zip holds setup.sh (installs openjdk-17-jdk-headless on Gradescope's Ubuntu 22.04 image), "
                + "run_autograder (runs 'grade /autograder/submission --out /autograder/results' "
                + "with the options below), this grader's jar and the rubric. "
                + "Run it from the jar: java -jar interleave-grader.jar package [options]%n"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the zip was written", "2:bad command line (an option grade would refuse, a missing rubric)",
            "4:the zip cannot be written, or the grader is not running from its jar"})
public final class PackageCommand implements Callable<Integer> {
    /** The grader jar's name in the zip, and so in {@code /autograder/source}. */
    static final String JAR = "interleave-grader.jar";
    static final String SETUP = "setup.sh";
    static final String RUN = "run_autograder";
    /** Where Gradescope unpacks the zip. */
    static final String SOURCE = "/autograder/source/";
    /** The command that builds the jar, from the project's folder. */
    static final String BUILD_COMMAND = "mvn -q -pl reports -am package -DskipTests";

    private static final String OPTIONS_PLACEHOLDER = "@GRADE_OPTIONS@";
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "<zip>", defaultValue = "autograder.zip",
            description = "Where to write the autograder zip (default: ${DEFAULT-VALUE}); an existing file is replaced.")
    Path out;

    @Option(names = "--rubric", paramLabel = "<file>",
            description = "The rubric to grade with: copied into the zip under its own name and passed to grade "
                    + "as --rubric " + SOURCE + "<name> (default: grade's default rubric).")
    Path rubric;

    @Option(names = "--policy", paramLabel = "<policy>",
            description = "Passed to grade as --policy: build-it-yourself, permissive or <options> "
                    + "(default: grade's default policy).")
    String policy;

    @Option(names = "--budget", paramLabel = "<duration>",
            description = "Passed to grade as --budget: how long grading one submission may take, 480, 480s, 8m "
                    + "or 8m30s. Grade ends within the budget and 30 s: keep it 90 s or more below the assignment's "
                    + "Gradescope timeout (default: grade's, 480s, for Gradescope's default 10 minutes).")
    String budget;

    /** The grader jar to pack; null: the jar this class was loaded from. */
    private final Path jar;

    public PackageCommand() {
        this(null);
    }

    /** A command that packs {@code jar} instead of the jar it runs from. */
    PackageCommand(Path jar) {
        this.jar = jar;
    }

    @Override
    public Integer call() throws IOException {
        checkValues();
        List<String> options = gradeOptions();
        checkGradeAccepts(options);
        Path graderJar;
        try {
            graderJar = graderJar();
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("interleave-grader: " + e.getMessage());
            return GraderMain.GRADER_ERROR;
        }
        try {
            write(graderJar, runScript(options));
        } catch (IOException e) {
            spec.commandLine().getErr().println("interleave-grader: cannot write " + out + ": " + e);
            return GraderMain.GRADER_ERROR;
        }
        spec.commandLine().getOut().println("Wrote " + out + " (upload it as the assignment's autograder on Gradescope).");
        return GraderMain.GRADED;
    }

    /** Reads the values as grade will, so that a mistake shows now rather than on every submission. */
    private void checkValues() {
        if (rubric != null) {
            if (!Files.isRegularFile(rubric) || !Files.isReadable(rubric)) {
                throw usage("--rubric " + rubric + ": no such readable file");
            }
            String name = rubric.getFileName().toString();
            if (name.equals(JAR) || name.equals(SETUP) || name.equals(RUN)) {
                throw usage("--rubric " + rubric + ": rename it, the zip already holds a " + name);
            }
        }
        oneLine("--policy", policy);
        oneLine("--budget", budget);
        try {
            if (rubric != null) {
                Rubric.read(rubric);
            }
            if (policy != null) {
                Policies.parse(policy);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try {
            if (budget != null) {
                Budget.parseSeconds(budget);
            }
        } catch (IllegalArgumentException e) {
            throw usage("--budget: " + e.getMessage());
        }
    }

    private void oneLine(String option, String value) {
        if (value != null && (value.isBlank() || value.chars().anyMatch(Character::isISOControl))) {
            throw usage(option + ": give a value on one line");
        }
    }

    /** The options of grade that {@code run_autograder} passes after {@code --out /autograder/results}. */
    private List<String> gradeOptions() {
        List<String> options = new ArrayList<>();
        if (rubric != null) {
            options.add("--rubric");
            options.add(SOURCE + rubric.getFileName());
        }
        if (policy != null) {
            options.add("--policy");
            options.add(policy);
        }
        if (budget != null) {
            options.add("--budget");
            options.add(budget);
        }
        return options;
    }

    /** Parses the command line {@code run_autograder} will run with the grade command's own parser. */
    private void checkGradeAccepts(List<String> options) {
        List<String> args = new ArrayList<>(List.of("grade", "/autograder/submission", "--out", "/autograder/results"));
        args.addAll(options);
        try {
            GraderMain.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw usage("grade would refuse these options on Gradescope: " + e.getMessage());
        }
    }

    /** The jar to pack: this running grader's own. */
    private Path graderJar() {
        if (jar != null) {
            return requireJar(jar);
        }
        CodeSource source = GraderMain.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell which jar the grader runs from. " + buildHint());
        }
        try {
            return requireJar(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot tell which jar the grader runs from (" + source.getLocation() + "). "
                    + buildHint(), e);
        }
    }

    private static Path requireJar(Path location) {
        if (!Files.isRegularFile(location) || !location.getFileName().toString().endsWith(".jar")) {
            throw new IllegalStateException("package copies the grader's jar into the zip, but the grader runs from "
                    + location + ", not from a jar. " + buildHint());
        }
        return location;
    }

    private static String buildHint() {
        return "Build the jar first, in the project's folder: " + BUILD_COMMAND
                + " ; then run: java -jar reports/target/" + JAR + " package ...";
    }

    /** {@code run_autograder} with the options shell-quoted in. */
    private static String runScript(List<String> options) throws IOException {
        StringBuilder quoted = new StringBuilder();
        for (String option : options) {
            quoted.append(' ').append(option.startsWith("--") ? option : shellQuote(option));
        }
        return template(RUN).replace(OPTIONS_PLACEHOLDER, quoted);
    }

    /** One word for bash, whatever {@code value} holds: single quotes, each ' written as '"'"'. */
    static String shellQuote(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    private static String template(String name) throws IOException {
        try (InputStream in = PackageCommand.class.getResourceAsStream("gradescope/" + name)) {
            if (in == null) {
                throw new IOException("the template gradescope/" + name + " is missing from the grader");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void write(Path graderJar, String runScript) throws IOException {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.deleteIfExists(partial);
        try {
            try (FileSystem zip = FileSystems.newFileSystem(partial,
                    Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                add(zip, SETUP, template(SETUP).getBytes(StandardCharsets.UTF_8), EXECUTABLE);
                add(zip, RUN, runScript.getBytes(StandardCharsets.UTF_8), EXECUTABLE);
                copy(zip, graderJar, JAR);
                if (rubric != null) {
                    copy(zip, rubric, rubric.getFileName().toString());
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void add(FileSystem zip, String name, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path entry = zip.getPath(name);
        Files.write(entry, content);
        Files.setPosixFilePermissions(entry, mode);
    }

    private static void copy(FileSystem zip, Path file, String name) throws IOException {
        Path entry = zip.getPath(name);
        Files.copy(file, entry);
        Files.setPosixFilePermissions(entry, READABLE);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
