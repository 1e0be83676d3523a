package dev.interleave.primitives;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the implementation under test for {@link Primitives#load()}.
 *
 * <p>The class is resolved once per distinct pair of property values and cached; each call
 * returns a new instance made by its public no-argument constructor.
 */
final class PrimitivesLoader {
    static final String IMPLEMENTATION = "interleave.primitives";
    static final String CLASSPATH = "interleave.classpath";
    static final String BASEDIR = "interleave.basedir";
    static final String REFERENCE = "dev.interleave.primitives.reference.ReferencePrimitives";

    private record Key(String implementation, String classpath, String basedir) {}

    private record Resolved(Key key, Constructor<? extends Primitives> constructor) {}

    private static volatile Resolved cache;

    private PrimitivesLoader() {}

    static Primitives load() {
        Key key = new Key(property(IMPLEMENTATION), property(CLASSPATH), property(BASEDIR));
        Resolved resolved = cache;
        if (resolved == null || !resolved.key().equals(key)) {
            resolved = new Resolved(key, resolve(key));
            cache = resolved;
        }
        return instantiate(resolved.constructor());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? "" : value.trim();
    }

    private static Constructor<? extends Primitives> resolve(Key key) {
        ClassLoader loader = loaderFor(key);
        String name = key.implementation();
        if (name.isEmpty()) {
            List<Class<? extends Primitives>> providers = providers(loader);
            if (providers.size() > 1) {
                throw new IllegalStateException("Several Primitives providers are registered with ServiceLoader: "
                        + providers.stream().map(Class::getName).toList()
                        + "; name one with -D" + IMPLEMENTATION + "=<class name>");
            }
            name = providers.isEmpty() ? REFERENCE : providers.get(0).getName();
        }
        return constructorOf(name, loader, key);
    }

    private static ClassLoader loaderFor(Key key) {
        ClassLoader parent = Primitives.class.getClassLoader();
        if (key.classpath().isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : key.classpath().split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.trim());
            if (!path.isAbsolute() && !key.basedir().isEmpty()) {
                path = Path.of(key.basedir()).resolve(path);
            }
            if (!Files.exists(path)) {
                throw new IllegalStateException("-D" + CLASSPATH + " names " + path.toAbsolutePath()
                        + ", which does not exist (give jars or class folders, separated by '"
                        + File.pathSeparator + "')");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("-D" + CLASSPATH + " entry " + path + " is not a usable path", e);
            }
        }
        return new URLClassLoader("interleave-implementation", urls.toArray(URL[]::new), parent);
    }

    private static List<Class<? extends Primitives>> providers(ClassLoader loader) {
        List<Class<? extends Primitives>> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<Primitives> provider : ServiceLoader.load(Primitives.class, loader)
                    .stream().toList()) {
                found.add(provider.type());
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("A ServiceLoader entry for " + Primitives.class.getName()
                    + " is broken: " + e.getMessage(), e);
        }
        return found;
    }

    private static Constructor<? extends Primitives> constructorOf(String name, ClassLoader loader, Key key) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Primitives implementation " + name + " was not found on the class path"
                    + (key.classpath().isEmpty() ? " (is -D" + CLASSPATH + " missing?)"
                            : " nor in -D" + CLASSPATH + "=" + key.classpath()), e);
        } catch (LinkageError e) {
            throw new IllegalStateException("Primitives implementation " + name + " cannot be loaded: " + e, e);
        }
        if (!Primitives.class.isAssignableFrom(type)) {
            throw new IllegalStateException(name + " does not implement " + Primitives.class.getName());
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalStateException(name + " must be a public, non-abstract class");
        }
        try {
            return type.asSubclass(Primitives.class).getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(name + " has no public no-argument constructor", e);
        }
    }

    private static Primitives instantiate(Constructor<? extends Primitives> constructor) {
        try {
            return Objects.requireNonNull(constructor.newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The constructor of " + constructor.getDeclaringClass().getName()
                    + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Cannot make an instance of "
                    + constructor.getDeclaringClass().getName() + ": " + e, e);
        }
    }
}
