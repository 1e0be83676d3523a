package dev.interleave.reports.grade.sandbox;

import dev.interleave.stress.harness.Sandboxing;
import java.io.File;
import java.net.URL;
import java.security.AccessControlException;
import java.security.CodeSource;
import java.security.Permission;
import java.security.PermissionCollection;
import java.security.Permissions;
import java.security.Policy;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.PropertyPermission;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The security manager of every JVM that runs submission code: installed from the command line
 * ({@code -Djava.security.manager=dev.interleave.reports.grade.sandbox.SubmissionGuard}) so that
 * it is in force before the first class of the submission is loaded, with the submission's
 * location in {@value Sandboxing#SUBMISSION_PROPERTY} (paths separated by the path separator), which
 * {@link Sandboxing} carries into every JVM a test starts.
 *
 * <p>Code loaded from the submission's location may do what a primitive needs — make, start,
 * interrupt and park threads, read system properties, look at its own members — and nothing else:
 * no {@code System.exit} or {@code Runtime.halt}, no shutdown hooks, no files (besides reading its
 * own classes), no sockets, no processes, no new class loaders, no {@code setAccessible} (so no
 * reflection into private state of the grader, and no {@code sun.misc.Unsafe}), no
 * {@code System.setOut}, no {@code Thread.stop}. Every other class has every permission. The JDK
 * computes what a piece of code may do from every frame on the stack (and a thread inherits its
 * creator's restrictions), so harness code called by the submission is held to the submission's
 * rights, and a submission cannot launder a call through a thread of its own. A refused operation
 * throws {@link SecurityException} into the submission's code, where it is the submission's
 * failure.
 */
public final class SubmissionGuard extends SecurityManager {
    public SubmissionGuard() {
        String locations = System.getProperty(Sandboxing.SUBMISSION_PROPERTY, "");
        List<String> prefixes = new ArrayList<>();
        for (String location : locations.split(File.pathSeparator)) {
            if (!location.isBlank()) {
                prefixes.add(prefix(location));
            }
        }
        if (prefixes.isEmpty()) {
            throw new IllegalStateException("-D" + Sandboxing.SUBMISSION_PROPERTY
                    + " must name the submission's location");
        }
        policy = new SubmissionPolicy(List.copyOf(prefixes));
        policy.warmUp();
        Policy.setPolicy(policy);
    }

    private final SubmissionPolicy policy;

    /**
     * Granted to every code but the submission's: the application class loader gives each class it
     * loads the static right to exit the JVM, which the policy alone cannot take back, so exiting
     * also needs this.
     */
    static final RuntimePermission NOT_SUBMISSION = new RuntimePermission("interleave.notSubmission");

    @Override
    public void checkPermission(Permission permission) {
        try {
            super.checkPermission(permission);
            if (permission instanceof RuntimePermission && permission.getName().startsWith("exitVM")) {
                super.checkPermission(NOT_SUBMISSION);
            }
        } catch (AccessControlException e) {
            if (!(permission instanceof RuntimePermission && permission.getName().startsWith("exitVM"))
                    && insideLincheckHook()) {
                return;
            }
            throw new AccessControlException("the grader's sandbox forbids the submission: " + what(permission),
                    permission);
        }
    }

    /**
     * Whether the thread is in one of the hooks Lincheck's model checker puts into the code it
     * runs ({@code sun.nio.ch.lincheck.Injections}, on the boot class path), called from the
     * submission's code: Lincheck
     * then inspects that code by reflection on its own behalf, as if in a privileged block. The
     * nearest of the hook and the submission's code on the stack decides.
     */
    private boolean insideLincheckHook() {
        for (Class<?> frame : getClassContext()) {
            if (policy.isSubmission(frame)) {
                return false;
            }
            if (frame.getClassLoader() == null && frame.getName().startsWith(LINCHECK_HOOKS)) {
                return true;
            }
        }
        return false;
    }

    /** The package of Lincheck's hooks in instrumented code. */
    static final String LINCHECK_HOOKS = "sun.nio.ch.lincheck.";

    /** What a refused permission is about, in the words of a submission's author. */
    static String what(Permission permission) {
        String name = permission.getName();
        if (permission instanceof RuntimePermission) {
            if (name.startsWith("exitVM")) {
                return "ending the JVM (System.exit, Runtime.halt)";
            }
            if (name.startsWith("accessClassInPackage.sun.misc")) {
                return "sun.misc.Unsafe";
            }
            return switch (name) {
                case "shutdownHooks" -> "shutdown hooks";
                case "setIO" -> "replacing System.in, System.out or System.err";
                case "writeFileDescriptor", "readFileDescriptor" -> "the process's file descriptors";
                case "createClassLoader" -> "making class loaders";
                case "stopThread" -> "Thread.stop";
                case "setSecurityManager", "createSecurityManager" -> "security managers";
                default -> name.startsWith("loadLibrary") ? "native libraries" : "the permission " + permission;
            };
        }
        if (permission instanceof java.lang.reflect.ReflectPermission) {
            return "setAccessible or private lookups (reflection into code that is not its own)";
        }
        if (permission instanceof java.io.FilePermission) {
            return "files (" + permission.getActions() + " " + name + ")";
        }
        if (permission instanceof java.net.SocketPermission) {
            return "the network (" + name + ")";
        }
        if (permission instanceof PropertyPermission) {
            return "changing system properties";
        }
        return "the permission " + permission;
    }

    /** The URL prefix of a class folder (ending in a slash) or the URL of a jar. */
    private static String prefix(String location) {
        File file = new File(location).getAbsoluteFile();
        try {
            String url = file.toURI().toURL().toString();
            return file.isDirectory() && !url.endsWith("/") ? url + "/" : url;
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("not a location: " + location, e);
        }
    }

    /** What the submission may do: see the class comment. */
    static Permissions submissionPermissions() {
        Permissions allowed = new Permissions();
        allowed.add(new PropertyPermission("*", "read"));
        for (String name : List.of("modifyThread", "modifyThreadGroup", "getStackTrace", "accessDeclaredMembers",
                "getClassLoader", "getProtectionDomain", "setContextClassLoader", "getStackWalkerWithClassReference")) {
            allowed.add(new RuntimePermission(name));
        }
        allowed.setReadOnly();
        return allowed;
    }

    /** Every permission for every code but the submission's. */
    static final class SubmissionPolicy extends Policy {
        private final List<String> prefixes;
        private final PermissionCollection allowed = submissionPermissions();
        private final ConcurrentHashMap<ProtectionDomain, Boolean> submission = new ConcurrentHashMap<>();

        SubmissionPolicy(List<String> prefixes) {
            this.prefixes = prefixes;
        }

        @Override
        public boolean implies(ProtectionDomain domain, Permission permission) {
            if (domain == null || !isSubmission(domain)) {
                return true;
            }
            return allowed.implies(permission);
        }

        @Override
        public PermissionCollection getPermissions(ProtectionDomain domain) {
            return isSubmission(domain) ? submissionPermissions() : allPermissions();
        }

        @Override
        public PermissionCollection getPermissions(CodeSource source) {
            return isSubmission(source) ? submissionPermissions() : allPermissions();
        }

        boolean isSubmission(Class<?> type) {
            ProtectionDomain domain = type.getProtectionDomain();
            return domain != null && isSubmission(domain);
        }

        boolean isSubmission(ProtectionDomain domain) {
            Boolean known = submission.get(domain);
            if (known == null) {
                known = isSubmission(domain.getCodeSource());
                submission.put(domain, known);
            }
            return known;
        }

        private boolean isSubmission(CodeSource source) {
            URL location = source == null ? null : source.getLocation();
            if (location == null) {
                return false;
            }
            String url = location.toString();
            for (String prefix : prefixes) {
                if (url.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        private static PermissionCollection allPermissions() {
            Permissions all = new Permissions();
            all.add(new java.security.AllPermission());
            return all;
        }

        /** Loads every class the checks use now, so that no check loads a class in the middle of a check. */
        void warmUp() {
            ProtectionDomain probe = new ProtectionDomain(new CodeSource(null, (java.security.cert.Certificate[]) null),
                    null);
            implies(probe, new RuntimePermission("exitVM"));
            allowed.implies(new RuntimePermission("exitVM"));
            allowed.implies(new PropertyPermission("x", "read"));
            allowed.implies(new java.io.FilePermission("/x", "read"));
            allowed.implies(new java.lang.reflect.ReflectPermission("suppressAccessChecks"));
            submission.clear();
        }
    }
}
