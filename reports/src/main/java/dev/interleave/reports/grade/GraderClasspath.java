package dev.interleave.reports.grade;

import dev.interleave.primitives.Primitives;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The grader's own class path (its jar, or the build's class folders and jars): what the child
 * JVMs run with, the packages a submission may not join, and the contract's classes to compile
 * sources against.
 */
public final class GraderClasspath {
    private final List<String> entries;
    private Set<String> packages;

    private GraderClasspath(List<String> entries) {
        this.entries = entries;
    }

    /**
     * This JVM's class path. A jar whose manifest names a class path (as a test runner's
     * manifest-only jar does) stands for the entries it names.
     */
    public static GraderClasspath current() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry).toAbsolutePath(), entries);
            }
        }
        return new GraderClasspath(List.copyOf(entries));
    }

    private static void add(Path entry, Set<String> entries) {
        if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                Manifest manifest = jar.getManifest();
                String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (classPath != null && !classPath.isBlank()
                        && jar.stream().noneMatch(e -> e.getName().endsWith(".class"))) {
                    for (String named : classPath.trim().split("\\s+")) {
                        try {
                            URI uri = entry.toUri().resolve(named);
                            add(Path.of(uri).toAbsolutePath(), entries);
                        } catch (IllegalArgumentException e) {
                            // not a file: not ours to follow
                        }
                    }
                    return;
                }
            } catch (IOException e) {
                // not a readable jar: keep it as it is
            }
        }
        entries.add(entry.toString());
    }

    public List<String> entries() {
        return entries;
    }

    /** The class path of a child JVM: the grader's entries, then the submission's classes. */
    public String with(Path submissionClasses) {
        List<String> all = new ArrayList<>(entries);
        all.add(submissionClasses.toAbsolutePath().toString());
        return String.join(File.pathSeparator, all);
    }

    /** Whether a class of the grader's class path lives in the package {@code internalName} (a/b/c). */
    public synchronized boolean hasPackage(String internalName) throws IOException {
        if (packages == null) {
            packages = new HashSet<>();
            for (String entry : entries) {
                collectPackages(Path.of(entry), packages);
            }
        }
        return packages.contains(internalName);
    }

    private static void collectPackages(Path entry, Set<String> packages) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                    Path parent = entry.relativize(f).getParent();
                    packages.add(parent == null ? "" : parent.toString().replace(File.separatorChar, '/'));
                });
            }
        } else if (Files.isRegularFile(entry)) {
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                Enumeration<? extends ZipEntry> all = zip.entries();
                while (all.hasMoreElements()) {
                    String name = all.nextElement().getName();
                    if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                        int slash = name.lastIndexOf('/');
                        packages.add(slash < 0 ? "" : name.substring(0, slash));
                    }
                }
            }
        }
    }

    /** Writes the contract's class files (the package {@code dev.interleave.primitives} alone) under {@code folder}. */
    public Path contractClasses(Path folder) throws IOException {
        Path location;
        try {
            location = Path.of(Primitives.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot find the contract's classes: " + e.getMessage(), e);
        }
        Path target = folder.resolve(Submission.CONTRACT_PACKAGE);
        Files.createDirectories(target);
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(Submission.CONTRACT_PACKAGE))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Files.copy(f, target.resolve(f.getFileName().toString()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } else {
            try (ZipFile zip = new ZipFile(location.toFile())) {
                Enumeration<? extends ZipEntry> all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry e = all.nextElement();
                    String rest = e.getName().startsWith(Submission.CONTRACT_PACKAGE)
                            ? e.getName().substring(Submission.CONTRACT_PACKAGE.length()) : "";
                    if (rest.endsWith(".class") && !rest.contains("/")) {
                        try (InputStream in = zip.getInputStream(e)) {
                            Files.write(target.resolve(rest), in.readAllBytes());
                        }
                    }
                }
            }
        }
        return folder;
    }
}
