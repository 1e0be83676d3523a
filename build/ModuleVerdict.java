import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The verdict of one module of the build (run by the JDK's source launcher, so that even the
 * lowest module can use it).
 *
 * <p>Surefire and the tool gates do not stop the build at a failure when failures are deferred
 * ({@code interleave.failAtEnd}, on by default): the build goes on to the reports module, which
 * writes the report and then fails the build, naming every violation. Deferring is safe only when
 * the reports module is part of the build; when it is not (a build of some modules only), this
 * program fails the module itself.
 *
 * <pre>
 * java build/ModuleVerdict.java start &lt;target folder&gt;
 *     notes the start of the module's build (only reports written after it count)
 * java build/ModuleVerdict.java check &lt;target folder&gt; &lt;failAtEnd&gt; &lt;the build's projects&gt;
 *     counts this run's failed and erred test cases (target/surefire-reports, target/jcstress-reports)
 *     and the failures the gates wrote to target/interleave/verdicts/*.failed;
 *     exit 1 when there are some and they cannot be deferred
 * </pre>
 */
public final class ModuleVerdict {
    private static final String TAG = "[interleave] ";
    private static final Pattern FAILURES = Pattern.compile("<testsuite\\b[^>]*?\\bfailures=\"(\\d+)\"");
    private static final Pattern ERRORS = Pattern.compile("<testsuite\\b[^>]*?\\berrors=\"(\\d+)\"");
    private static final Pattern NAME = Pattern.compile("<testsuite\\b[^>]*?\\bname=\"([^\"]*)\"");

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.out.println(TAG + "usage: ModuleVerdict start|check <target folder> [failAtEnd] [projects]");
            System.exit(2);
        }
        Path target = Path.of(args[1]);
        Path verdicts = target.resolve("interleave/verdicts");
        Path started = verdicts.resolve("build-started");
        if (args[0].equals("start")) {
            Files.createDirectories(verdicts);
            try (Stream<Path> old = Files.list(verdicts)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".failed")).toList()) {
                    Files.delete(p);
                }
            }
            Files.writeString(started, java.time.Instant.now().toString(), StandardCharsets.UTF_8);
            return;
        }
        boolean failAtEnd = args.length > 2 && Boolean.parseBoolean(args[2]);
        boolean reportsInBuild = args.length > 3 && args[3].contains(":interleave-reports:");
        FileTime since = Files.exists(started) ? Files.getLastModifiedTime(started) : FileTime.fromMillis(0);
        List<String> problems = new ArrayList<>();
        for (String folder : List.of("surefire-reports", "jcstress-reports")) {
            Path dir = target.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                    if (Files.getLastModifiedTime(f).compareTo(since) < 0) {
                        continue;
                    }
                    String head = Files.readString(f, StandardCharsets.UTF_8);
                    int bad = count(FAILURES, head) + count(ERRORS, head);
                    if (bad > 0) {
                        Matcher name = NAME.matcher(head);
                        problems.add(bad + " failed test(s) in " + (name.find() ? name.group(1) : f.getFileName())
                                + " (" + target.relativize(f) + ")");
                    }
                }
            }
        }
        if (Files.isDirectory(verdicts)) {
            try (Stream<Path> files = Files.list(verdicts)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".failed")).sorted().toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) {
                            problems.add(line.strip());
                        }
                    }
                }
            }
        }
        String module = target.toAbsolutePath().getParent().getFileName().toString();
        if (problems.isEmpty()) {
            if (Files.isDirectory(target.resolve("surefire-reports"))) {
                System.out.println(TAG + module + ": no failure");
            }
            return;
        }
        problems.forEach(p -> System.out.println(TAG + module + ": FAILED: " + p));
        if (failAtEnd && reportsInBuild) {
            System.out.println(TAG + module + ": the build goes on to write the report, then fails"
                    + " (-Dinterleave.failAtEnd=false fails here instead)");
            return;
        }
        System.out.println(TAG + module + ": the build fails here"
                + (failAtEnd ? " (the reports module is not part of this build, so no report will be written)" : ""));
        System.exit(1);
    }

    private static int count(Pattern p, String xml) {
        Matcher m = p.matcher(xml);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
