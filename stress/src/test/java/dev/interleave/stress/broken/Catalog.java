package dev.interleave.stress.broken;

import dev.interleave.primitives.Primitives;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The catalog of broken variants: every class of this package named
 * {@code Broken<Primitive>_<Defect>}, found by scanning the package, so that a variant added to
 * it is in the kill matrix without being listed anywhere.
 */
public final class Catalog {
    /** The package the variants live in. */
    public static final String PACKAGE = Catalog.class.getPackageName();

    private Catalog() {}

    /**
     * The variants, by name; those whose bug only a probabilistic tool can see (visibility)
     * last, so that a thread they leave spinning slows no other variant's tools.
     */
    public static List<Class<? extends BrokenPrimitives>> variants() {
        List<Class<? extends BrokenPrimitives>> variants = new ArrayList<>();
        for (Class<?> type : ReflectionSupport.findAllClassesInPackage(PACKAGE,
                type -> BrokenPrimitives.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers()),
                name -> isVariantName(name.substring(name.lastIndexOf('.') + 1)))) {
            variants.add(type.asSubclass(BrokenPrimitives.class));
        }
        variants.sort(Comparator.comparing((Class<? extends BrokenPrimitives> type) -> isVisibility(type))
                .thenComparing(Class::getSimpleName));
        return variants;
    }

    /** Whether {@code simpleName} follows the scheme {@code Broken<Primitive>_<Defect>}. */
    public static boolean isVariantName(String simpleName) {
        return simpleName.matches("Broken[A-Z][A-Za-z]*_[A-Z][A-Za-z]*");
    }

    private static boolean isVisibility(Class<?> type) {
        Defect defect = type.getAnnotation(Defect.class);
        return defect != null && defect.kind() == DefectKind.VISIBILITY;
    }

    /** The factory methods of {@link Primitives} that {@code variant} overrides. */
    public static List<String> overriddenFactories(Class<?> variant) {
        List<String> overridden = new ArrayList<>();
        for (Method factory : Primitives.class.getMethods()) {
            if (Modifier.isStatic(factory.getModifiers())) {
                continue;
            }
            for (Class<?> type = variant; type != null && type != BrokenPrimitives.class; type = type.getSuperclass()) {
                try {
                    type.getDeclaredMethod(factory.getName(), factory.getParameterTypes());
                    overridden.add(factory.getName());
                    break;
                } catch (NoSuchMethodException notHere) {
                    // look in the superclass
                }
            }
        }
        return overridden;
    }

    /** The name of the factory method that makes {@code part}: {@code lock} for {@code lock().newCondition()}. */
    public static String factoryMethod(Part part) {
        return part.factory().substring(0, part.factory().indexOf('('));
    }
}
