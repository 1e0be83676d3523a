package dev.interleave.stress.harness;

import dev.interleave.primitives.Primitives;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The implementation under test ({@link Primitives#load()}), and the JUnit extension that
 * announces it.
 *
 * <p>Before the tests of a class run, the extension loads the implementation and names it:
 * on standard output (which Surefire keeps in the {@code <system-out>} of the class's test cases
 * in {@code target/surefire-reports}), as a JUnit report entry, and in the system property
 * {@value #NAME_PROPERTY} (which Surefire lists among the {@code <properties>} of its XML report).
 * If it cannot be loaded (a bad class name, a missing class path entry, a throwing constructor),
 * the class fails once with a message that says why, instead of every test failing on its own.
 *
 * <p>During a test, a {@link NotImplementedError} anywhere among the causes of a failure (say,
 * inside a worker) becomes the failure itself, so a primitive that the submission did not
 * implement fails its tests with {@code "not implemented: <method>"} and nothing else.
 */
public final class ImplementationUnderTest implements BeforeAllCallback, TestExecutionExceptionHandler {
    /** Set to the class name of the implementation under test once it has been loaded. */
    public static final String NAME_PROPERTY = "interleave.implementation";

    /** A fresh instance of the implementation under test, guarded (see {@link NotImplementedError}). */
    public static Primitives primitives() {
        return new GuardedPrimitives(load());
    }

    /** The class name of the implementation under test. */
    public static String name() {
        return load().getClass().getName();
    }

    private static Primitives load() {
        try {
            return Primitives.load();
        } catch (IllegalStateException e) {
            AssertionError failure = new AssertionError(
                    "The implementation under test cannot be loaded: " + e.getMessage(), e.getCause());
            failure.setStackTrace(new StackTraceElement[0]);
            throw failure;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String name = name();
        System.setProperty(NAME_PROPERTY, name);
        String injection = SpuriousWakeups.isEnabled() ? ", with spurious wake-ups injected" : "";
        System.out.println("Implementation under test: " + name + " (" + context.getDisplayName() + ")" + injection);
        context.publishReportEntry("implementation", name);
        if (SpuriousWakeups.isEnabled()) {
            context.publishReportEntry("spuriousWakeups", "injected (-D" + SpuriousWakeups.PROPERTY + "=true)");
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw plainer(throwable);
    }

    /**
     * The failure to report for {@code failure}: the {@link NotImplementedError} among its causes
     * and suppressed exceptions if there is one, an {@link UnsupportedOperationException} thrown
     * by the implementation itself turned into one, else {@code failure} unchanged.
     */
    static <T extends Throwable> Throwable plainer(T failure) {
        NotImplementedError notImplemented = findNotImplemented(failure, 0);
        return notImplemented != null ? notImplemented : failure;
    }

    private static NotImplementedError findNotImplemented(Throwable failure, int depth) {
        if (failure == null || depth > 10) {
            return null;
        }
        if (failure instanceof NotImplementedError found) {
            return found;
        }
        if (failure instanceof UnsupportedOperationException unsupported && unsupported.getStackTrace().length > 0) {
            StackTraceElement thrower = unsupported.getStackTrace()[0];
            if (!isJdk(thrower.getClassName())) {
                String simpleName = thrower.getClassName().substring(thrower.getClassName().lastIndexOf('.') + 1);
                return new NotImplementedError(simpleName + "." + thrower.getMethodName() + "()", unsupported);
            }
        }
        NotImplementedError found = findNotImplemented(failure.getCause(), depth + 1);
        for (Throwable suppressed : failure.getSuppressed()) {
            if (found == null) {
                found = findNotImplemented(suppressed, depth + 1);
            }
        }
        return found;
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }
}
