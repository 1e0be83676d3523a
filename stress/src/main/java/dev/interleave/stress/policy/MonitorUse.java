package dev.interleave.stress.policy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Where a class uses a Java monitor: {@code synchronized} methods (visible to ArchUnit as a
 * modifier) and {@code synchronized} blocks (a {@code monitorenter} instruction, found by reading
 * the class file with ASM, since ArchUnit does not model instructions).
 */
final class MonitorUse {
    private MonitorUse() {}

    /** One line per use, e.g. {@code "x.Y.m(): synchronized block"}; empty when there is none. */
    static List<String> of(JavaClass javaClass) {
        List<String> uses = new ArrayList<>();
        javaClass.getMethods().stream()
                .filter(m -> m.getModifiers().contains(JavaModifier.SYNCHRONIZED))
                .forEach(m -> uses.add(m.getFullName() + ": synchronized method"));
        uses.addAll(synchronizedBlocks(javaClass));
        return uses;
    }

    private static List<String> synchronizedBlocks(JavaClass javaClass) {
        Optional<Source> source = javaClass.getSource();
        if (source.isEmpty()) {
            return List.of(javaClass.getName() + ": class file not readable, synchronized blocks not checked");
        }
        List<String> found = new ArrayList<>();
        try (InputStream in = source.get().getUri().toURL().openStream()) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitInsn(int opcode) {
                            if (opcode == Opcodes.MONITORENTER) {
                                found.add(javaClass.getName() + "." + name + "(): synchronized block");
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException | RuntimeException e) {
            found.add(javaClass.getName() + ": class file not readable (" + e + "), synchronized blocks not checked");
        }
        return found.stream().distinct().toList();
    }
}
