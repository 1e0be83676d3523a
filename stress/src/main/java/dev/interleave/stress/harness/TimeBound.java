package dev.interleave.stress.harness;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Bounds every test method by {@link Delays#TEST_TIMEOUT_MS}.
 *
 * <p>The method runs in a thread of its own (a daemon named {@code interleave-test: <name>});
 * the JUnit thread waits for it at most the bound. A test still running then fails with a
 * {@link HangError} and its thread dump, is interrupted and left behind, and the run goes on:
 * even a test thread stuck in an uninterruptible wait cannot hang the build. With the spurious
 * wake-up injector on ({@link SpuriousWakeups}), the test's thread is among those it wakes.
 */
public final class TimeBound implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runBounded(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runBounded(invocation, context);
    }

    private static void runBounded(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Throwable[] failure = new Throwable[1];
        Class<?> testClass = context.getRequiredTestClass();
        String name = testClass.getName().substring(testClass.getPackageName().length() + 1)
                + "." + context.getDisplayName();
        Thread test = new Thread(() -> {
            SpuriousWakeups.watch();
            try {
                invocation.proceed();
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                SpuriousWakeups.unwatch();
            }
        }, "interleave-test: " + name);
        test.setDaemon(true);
        test.start();
        test.join(Delays.TEST_TIMEOUT_MS);
        if (test.isAlive()) {
            HangError hang = new HangError("test " + name + " did not finish within " + Delays.TEST_TIMEOUT_MS
                    + " ms (interleave.timeFactor=" + Delays.TIME_FACTOR + ")");
            test.interrupt();
            throw hang;
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
