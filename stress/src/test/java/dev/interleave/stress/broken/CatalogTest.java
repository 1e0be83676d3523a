package dev.interleave.stress.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Primitives;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalog keeps its rules: one naming scheme, one declared bug per variant, exactly one
 * broken factory method (the one the declaration names), and a variant loadable the way the
 * battery loads any implementation. Cheap: runs in every build, the kill matrix does not.
 */
class CatalogTest {
    private static final int AT_LEAST = 25;

    @Test
    void theCatalogHasAtLeastTwentyFiveVariants() {
        assertTrue(Catalog.variants().size() >= AT_LEAST,
                "the catalog has " + Catalog.variants().size() + " variants, fewer than " + AT_LEAST);
    }

    @Test
    void everyVariantDeclaresItsOneBugAndBreaksOnlyTheFactoryItNames() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<? extends BrokenPrimitives> variant : Catalog.variants()) {
            String name = variant.getSimpleName();
            Defect defect = variant.getAnnotation(Defect.class);
            if (defect == null) {
                problems.add(name + " declares no @Defect");
                continue;
            }
            if (defect.what().isBlank() || defect.exposedBy().isBlank()) {
                problems.add(name + " does not say what its bug is and what exposes it");
            }
            if (!Modifier.isPublic(variant.getModifiers())) {
                problems.add(name + " is not public");
            }
            List<String> overridden = Catalog.overriddenFactories(variant);
            if (!overridden.equals(List.of(Catalog.factoryMethod(defect.primitive())))) {
                problems.add(name + " breaks " + overridden + ", but declares " + defect.primitive().factory());
            }
            Primitives instance = variant.getConstructor().newInstance();
            assertNotNull(instance);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyClassNamedLikeAVariantIsInTheCatalog() {
        for (Class<? extends BrokenPrimitives> variant : Catalog.variants()) {
            assertTrue(Catalog.isVariantName(variant.getSimpleName()), variant.getName());
        }
        assertTrue(Catalog.isVariantName("BrokenLock_CheckThenAct"));
        assertTrue(!Catalog.isVariantName("BrokenPrimitives"));
    }

    @Test
    void theCatalogCoversEveryKindOfPrimitive() {
        Set<Part> covered = EnumSet.noneOf(Part.class);
        for (Class<? extends BrokenPrimitives> variant : Catalog.variants()) {
            covered.add(variant.getAnnotation(Defect.class).primitive());
        }
        assertEquals(EnumSet.allOf(Part.class), covered, "every primitive has at least one broken variant");
    }
}
