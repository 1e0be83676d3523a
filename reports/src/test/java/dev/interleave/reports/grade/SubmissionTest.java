package dev.interleave.reports.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation of a submission: each way it can be wrong gets a message that says what to fix. */
class SubmissionTest {
    @TempDir
    Path dir;

    /** A class implementing the contract whose factories all throw, but {@code implemented}. */
    static String primitives(String pkg, String name, String modifiers, String constructor, String... implemented) {
        StringBuilder body = new StringBuilder();
        String[][] factories = {
            {"Lock", "lock()"}, {"Lock", "fairLock()"}, {"RLock", "rlock()"}, {"Event", "event()"},
            {"Semaphore", "semaphore(int p)"}, {"Semaphore", "boundedSemaphore(int p)"}, {"Barrier", "barrier(int p)"},
            {"<E> Queue<E>", "fifoQueue(int c)"}, {"<E> Queue<E>", "lifoQueue(int c)"},
            {"<E> Queue<E>", "priorityQueue(int c, java.util.Comparator<? super E> o)"}, {"<T> Pipe<T>", "pipe(int c)"},
            {"Timer", "timer(long d, java.util.concurrent.TimeUnit u, Runnable a)"}};
        for (String[] f : factories) {
            String method = f[1].substring(0, f[1].indexOf('('));
            boolean done = List.of(implemented).contains(method);
            body.append("    public ").append(f[0]).append(' ').append(f[1]).append(" { ")
                    .append(done ? "return null;" : "throw new UnsupportedOperationException(\"" + method + "\");")
                    .append(" }\n");
        }
        return "package " + pkg + ";\nimport dev.interleave.primitives.*;\n" + modifiers + " class " + name
                + " implements Primitives {\n" + constructor + body + "}\n";
    }

    private Path source(String relative, String text) throws IOException {
        Path file = dir.resolve("src").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Submission prepare() throws Exception {
        return Submission.prepare(dir.resolve("src"), dir.resolve("work"), GraderClasspath.current());
    }

    private String refusal() {
        return assertThrows(InvalidSubmissionException.class, this::prepare).getMessage();
    }

    @Test
    void aValidFolderIsCompiledAndItsClassAndUnimplementedMethodsAreNamed() throws Exception {
        source("a/b/Mine.java", primitives("a.b", "Mine", "public", "", "lock", "fairLock"));
        Submission s = prepare();
        assertEquals("a.b.Mine", s.primitives());
        assertTrue(Files.isRegularFile(s.classes().resolve("a/b/Mine.class")));
        assertEquals(List.of("rlock()", "event()", "semaphore()", "boundedSemaphore()", "barrier()", "fifoQueue()",
                "lifoQueue()", "priorityQueue()", "pipe()", "timer()"), s.unimplemented());
    }

    @Test
    void compileErrorsAreShownAsTheCompilerWroteThem() throws Exception {
        source("a/Broken.java", "package a;\npublic class Broken { int x = ; }\n");
        String message = refusal();
        assertTrue(message.startsWith("the submission does not compile"), message);
        assertTrue(message.contains("a/Broken.java:2: error"), message);
    }

    @Test
    void latin1SourcesAreReadAsLatin1() throws Exception {
        Path file = dir.resolve("src/a/Mine.java");
        Files.createDirectories(file.getParent());
        Files.write(file, ("// Implémentation\n" + primitives("a", "Mine", "public", ""))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Submission s = prepare();
        assertEquals("a.Mine", s.primitives());
        assertEquals("the sources are not UTF-8: they were read as ISO-8859-1 (Latin-1)", s.notes().get(0));
    }

    @Test
    void noClassImplementingTheContractIsRefused() throws Exception {
        source("a/Nothing.java", "package a;\npublic class Nothing {}\n");
        assertTrue(refusal().startsWith("no class implements dev.interleave.primitives.Primitives"));
    }

    @Test
    void twoPublicImplementationsAreRefusedByName() throws Exception {
        source("a/One.java", primitives("a", "One", "public", ""));
        source("a/Two.java", primitives("a", "Two", "public", ""));
        String message = refusal();
        assertTrue(message.startsWith("more than one public class implements Primitives (a.One, a.Two)"), message);
    }

    @Test
    void aNonPublicImplementationIsRefused() throws Exception {
        source("a/Hidden.java", primitives("a", "Hidden", "", ""));
        assertEquals("a.Hidden implements Primitives but is not public: the grader needs one public, concrete class "
                + "with a public no-argument constructor", refusal());
    }

    @Test
    void anImplementationWithoutAPublicNoArgumentConstructorIsRefused() throws Exception {
        source("a/Needy.java", primitives("a", "Needy", "public", "    public Needy(int size) {}\n"));
        assertTrue(refusal().startsWith("a.Needy has no public no-argument constructor"));
    }

    @Test
    void classesInTheGradersPackagesAreRefused() throws Exception {
        source("dev/interleave/stress/harness/Mine.java",
                primitives("dev.interleave.stress.harness", "Mine", "public", ""));
        String message = refusal();
        assertTrue(message.startsWith("these classes are in packages of the grader's own "
                + "(dev.interleave.stress.harness.Mine)"), message);
    }

    @Test
    void aSubmissionThatNamesTheHarnessOrItsToolsIsRefused() throws Exception {
        source("a/Mine.java", primitives("a", "Mine", "public", "    static { try { Class.forName("
                + "\"dev.interleave.stress.harness.SpuriousWakeups\").getMethod(\"disable\").invoke(null); } "
                + "catch (Exception e) { } }\n"));
        String message = refusal();
        assertTrue(message.startsWith("the submission refers to the grader's own code or its tools (a.Mine refers to "
                + "dev.interleave.stress.harness.SpuriousWakeups)"), message);
    }

    @Test
    void copiesOfTheContractAreDroppedAndTheGradersOwnUsed() throws Exception {
        source("a/Mine.java", primitives("a", "Mine", "public", ""));
        source("dev/interleave/primitives/Primitives.java", "package dev.interleave.primitives;\npublic interface "
                + "Primitives { }\n");
        Submission s = prepare();
        assertEquals("a.Mine", s.primitives());
        assertTrue(s.notes().get(0).startsWith("ignored 1 copied source file(s) of the contract"), s.notes().toString());
    }

    @Test
    void aJarsClassesAreTakenAndEverythingElseLeftOut() throws Exception {
        source("a/Mine.java", primitives("a", "Mine", "public", ""));
        Submission compiled = prepare();
        Path jar = dir.resolve("submission.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(compiled.classes())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(compiled.classes().relativize(f).toString()));
                out.write(Files.readAllBytes(f));
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.junit.platform.engine.TestEngine"));
            out.write("a.Mine\n".getBytes());
            out.putNextEntry(new JarEntry("junit-platform.properties"));
            out.write("junit.jupiter.extensions.autodetection.enabled=true\n".getBytes());
        }
        Submission fromJar = Submission.prepare(jar, dir.resolve("work2"), GraderClasspath.current());
        assertEquals("a.Mine", fromJar.primitives());
        assertFalse(Files.exists(fromJar.classes().resolve("META-INF")));
        assertFalse(Files.exists(fromJar.classes().resolve("junit-platform.properties")));
        assertTrue(fromJar.notes().get(0).startsWith("left out 2 file(s) of the jar"), fromJar.notes().toString());
    }

    @Test
    void aProjectLayoutIsGradedFromItsMainSourcesWithoutItsTests() throws Exception {
        source("lab/src/main/java/a/Mine.java", primitives("a", "Mine", "public", ""));
        source("lab/src/test/java/a/MineTest.java", "package a;\nimport org.junit.jupiter.api.Test;\n"
                + "class MineTest { @Test void works() {} }\n");
        Submission s = prepare();
        assertEquals("a.Mine", s.primitives());
        assertTrue(s.notes().get(0).startsWith("compiled lab/src/main/java only"), s.notes().toString());
    }

    @Test
    void aFolderHoldingOnlyAJarIsGradedFromTheJar() throws Exception {
        source("a/Mine.java", primitives("a", "Mine", "public", ""));
        Submission compiled = prepare();
        Path upload = dir.resolve("upload");
        Files.createDirectories(upload);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(upload.resolve("homework.jar")));
                Stream<Path> files = Files.walk(compiled.classes())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(compiled.classes().relativize(f).toString()));
                out.write(Files.readAllBytes(f));
            }
        }
        Submission fromUpload = Submission.prepare(upload, dir.resolve("work2"), GraderClasspath.current());
        assertEquals("a.Mine", fromUpload.primitives());
        assertEquals("graded the jar homework.jar (the folder holds no .java source)", fromUpload.notes().get(0));
    }

    @Test
    void somethingThatIsNeitherAFolderNorAJarIsRefused() throws Exception {
        Path zip = dir.resolve("homework.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(1);
        }
        String message = assertThrows(InvalidSubmissionException.class,
                () -> Submission.prepare(zip, dir.resolve("work"), GraderClasspath.current())).getMessage();
        assertEquals("homework.zip is neither a folder of .java sources nor a .jar", message);
    }
}
