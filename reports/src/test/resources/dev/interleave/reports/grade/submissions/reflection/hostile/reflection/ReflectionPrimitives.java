package hostile.reflection;

import dev.interleave.primitives.Lock;
import fixture.NoLock;
import fixture.Unimplemented;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

// Attack: class init and every constructor reach into the grader by reflection: static fields, Unsafe, privateLookupIn.
@SuppressWarnings("removal")   // System.setSecurityManager is the point
public class ReflectionPrimitives extends Unimplemented {
    // The names are put together at run time: a class file that names the grader is refused before it runs.
    private static final String[] GRADER_CLASSES = {
        name("reports", "grade", "child", "ChildMain"),
        name("reports", "grade", "child", "Channel"),
        name("reports", "grade", "child", "Battery"),
        name("reports", "grade", "sandbox", "SubmissionGuard"),
        name("stress", "harness", "TimeBound"),
        name("stress", "harness", "Delays"),
        name("stress", "harness", "SpuriousWakeups"),
        name("primitives", "PrimitivesLoader"),
    };

    private static String name(String... parts) {
        return String.join(".", "dev", "interleave", String.join(".", parts));
    }

    static {
        reachIn();
    }

    public ReflectionPrimitives() {
        reachIn();
    }

    @Override
    public Lock lock() {
        return new NoLock();
    }

    private static void reachIn() {
        try {
            System.setSecurityManager(null);
        } catch (Throwable refused) {
            // go on
        }
        try {
            Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Object unsafe = theUnsafe.get(null);
            unsafe.getClass().getMethod("pageSize").invoke(unsafe);
        } catch (Throwable refused) {
            // go on
        }
        try {
            // A public switch of the harness: turning the spurious wake-ups off would hide an if.
            Class.forName(GRADER_CLASSES[6]).getMethod("disable").invoke(null);
        } catch (Throwable refused) {
            // go on
        }
        for (ClassLoader loader : loaders()) {
            for (String name : GRADER_CLASSES) {
                try {
                    poke(Class.forName(name, true, loader));
                } catch (Throwable refused) {
                    // the next class
                }
            }
        }
    }

    private static Set<ClassLoader> loaders() {
        Set<ClassLoader> loaders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            try {
                for (ClassLoader l = thread.getContextClassLoader(); l != null; l = l.getParent()) {
                    loaders.add(l);
                }
            } catch (Throwable refused) {
                // the next thread
            }
        }
        for (ClassLoader l = ReflectionPrimitives.class.getClassLoader(); l != null; l = l.getParent()) {
            loaders.add(l);
        }
        loaders.add(ClassLoader.getSystemClassLoader());
        return loaders;
    }

    /** Reads every static field of {@code type} and overwrites those it can. */
    private static void poke(Class<?> type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    MethodHandle getter = lookup.unreflectGetter(field);
                    getter.invoke();
                }
            }
        } catch (Throwable refused) {
            // try plain reflection
        }
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(null);
                if (field.getType() == boolean.class) {
                    field.setBoolean(null, !(Boolean) value);
                } else if (field.getType() == long.class) {
                    field.setLong(null, Long.MAX_VALUE);
                } else if (field.getType() == int.class) {
                    field.setInt(null, Integer.MAX_VALUE);
                } else if (!field.getType().isPrimitive()) {
                    field.set(null, null);
                }
            } catch (Throwable refused) {
                // the next field
            }
        }
    }
}
