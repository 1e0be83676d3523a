package dev.interleave.reports.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a submission's class files say, read with ASM (never loaded): which class implements the
 * contract, whether it can be made, which factory methods only throw
 * {@code UnsupportedOperationException}, and whether a class claims a package of the grader's.
 *
 * @param primitives the one public class that implements {@code Primitives}
 * @param unimplemented its factory methods that throw {@code UnsupportedOperationException} at once
 */
record SubmissionScan(String primitives, List<String> unimplemented) {
    static final String PRIMITIVES = "dev/interleave/primitives/Primitives";
    static final List<String> FACTORIES = List.of("lock", "fairLock", "rlock", "event", "semaphore",
            "boundedSemaphore", "barrier", "fifoQueue", "lifoQueue", "priorityQueue", "pipe", "timer");

    /** One class file. */
    record ClassInfo(String name, int access, String superName, List<String> interfaces, boolean publicNoArgConstructor,
            Map<String, Boolean> onlyThrowsUnsupported) {

        boolean isPublic() {
            return (access & Opcodes.ACC_PUBLIC) != 0;
        }

        boolean isConcrete() {
            return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0;
        }

        String javaName() {
            return name.replace('/', '.');
        }
    }

    static SubmissionScan read(Path classes, GraderClasspath grader) throws InvalidSubmissionException, IOException {
        Map<String, ClassInfo> all = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new InvalidSubmissionException("the submission holds no class besides the contract's own");
        }
        Set<String> claimed = new TreeSet<>();
        List<String> references = new ArrayList<>();
        for (Path file : files) {
            ClassInfo info;
            try {
                info = read(Files.readAllBytes(file));
            } catch (RuntimeException e) {
                throw new InvalidSubmissionException(classes.relativize(file) + " is not a readable class file");
            }
            String expected = classes.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            if (!expected.equals(info.name() + ".class")) {
                throw new InvalidSubmissionException(expected + " holds the class " + info.javaName()
                        + ", which belongs elsewhere");
            }
            int slash = info.name().lastIndexOf('/');
            String pkg = slash < 0 ? "" : info.name().substring(0, slash);
            if (pkg.startsWith("dev/interleave/") || pkg.equals("dev/interleave") || (!pkg.isEmpty() && grader.hasPackage(pkg))) {
                claimed.add(info.javaName());
            }
            all.put(info.name(), info);
            String reference = foreignReference(Files.readAllBytes(file));
            if (reference != null) {
                references.add(info.javaName() + " refers to " + reference);
            }
        }
        if (!claimed.isEmpty()) {
            throw new InvalidSubmissionException("these classes are in packages of the grader's own ("
                    + String.join(", ", claimed) + "); put the submission in a package of its own");
        }
        if (!references.isEmpty()) {
            throw new InvalidSubmissionException("the submission refers to the grader's own code or its tools ("
                    + String.join("; ", references) + "): a submission may use the contract "
                    + "(dev.interleave.primitives) and the JDK only");
        }
        List<ClassInfo> implementing = all.values().stream().filter(c -> implementsPrimitives(c, all)).toList();
        List<ClassInfo> candidates = implementing.stream().filter(c -> c.isPublic() && c.isConcrete())
                .sorted(java.util.Comparator.comparing(ClassInfo::name)).toList();
        if (candidates.isEmpty()) {
            if (implementing.isEmpty()) {
                throw new InvalidSubmissionException("no class implements dev.interleave.primitives.Primitives: write "
                        + "one public class that does, with a public no-argument constructor");
            }
            ClassInfo first = implementing.get(0);
            throw new InvalidSubmissionException(first.javaName() + " implements Primitives but is "
                    + (first.isConcrete() ? "not public" : "abstract or an interface")
                    + ": the grader needs one public, concrete class with a public no-argument constructor");
        }
        if (candidates.size() > 1) {
            throw new InvalidSubmissionException("more than one public class implements Primitives ("
                    + String.join(", ", candidates.stream().map(ClassInfo::javaName).toList())
                    + "): keep exactly one public, the others package-private");
        }
        ClassInfo chosen = candidates.get(0);
        if (!chosen.publicNoArgConstructor()) {
            throw new InvalidSubmissionException(chosen.javaName() + " has no public no-argument constructor: the "
                    + "grader makes it with new " + chosen.javaName().substring(chosen.javaName().lastIndexOf('.') + 1)
                    + "()");
        }
        return new SubmissionScan(chosen.javaName(), unimplemented(chosen, all));
    }

    /**
     * Names that a submission's class file may not hold (as a type, a descriptor or a string):
     * the harness, the reference, and the tools that judge it, which run in the same JVM. The
     * sandbox keeps a submission out of their private state; this keeps it from calling their
     * public methods by name (to switch off a hook of Lincheck's, say). A name built at run time
     * escapes it; that is what it cannot do.
     */
    static final List<String> FOREIGN = List.of("dev/interleave/", "dev.interleave.", "sun/nio/ch/lincheck",
            "sun.nio.ch.lincheck", "org/jetbrains/", "org.jetbrains.", "org/junit/", "org.junit.", "org/opentest4j/",
            "org.opentest4j.", "org/openjdk/jcstress/", "org.openjdk.jcstress.", "kotlin/", "kotlinx/");

    /** The first name in the class file's constant pool that points into {@link #FOREIGN} code, or null. */
    static String foreignReference(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset == 0 || bytes[offset - 1] != 1) {
                continue;
            }
            String text = readUtf8(bytes, offset);
            for (String foreign : FOREIGN) {
                int at = text.indexOf(foreign);
                while (at >= 0) {
                    if (!isContract(text, at)) {
                        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
                    }
                    at = text.indexOf(foreign, at + 1);
                }
            }
        }
        return null;
    }

    /** Whether the name at {@code at} is a type of the contract's package itself (dev.interleave.primitives.X). */
    private static boolean isContract(String text, int at) {
        for (String prefix : List.of("dev/interleave/primitives/", "dev.interleave.primitives.")) {
            if (text.startsWith(prefix, at)) {
                int end = at + prefix.length();
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                char separator = prefix.charAt(prefix.length() - 1);
                return end > at + prefix.length() && (end == text.length() || text.charAt(end) != separator);
            }
        }
        return false;
    }

    /** A CONSTANT_Utf8 entry (modified UTF-8) at {@code offset}. */
    private static String readUtf8(byte[] bytes, int offset) {
        int length = ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        try {
            return new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes, offset, length + 2)).readUTF();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean implementsPrimitives(ClassInfo c, Map<String, ClassInfo> all) {
        ClassInfo current = c;
        int depth = 0;
        while (current != null && depth++ < 100) {
            for (String i : current.interfaces()) {
                if (i.equals(PRIMITIVES) || (all.containsKey(i) && implementsPrimitives(all.get(i), all))) {
                    return true;
                }
            }
            current = current.superName() == null ? null : all.get(current.superName());
        }
        return false;
    }

    /** The factory methods that throw UnsupportedOperationException straight away, looked up the class chain. */
    private static List<String> unimplemented(ClassInfo chosen, Map<String, ClassInfo> all) {
        List<String> found = new ArrayList<>();
        for (String factory : FACTORIES) {
            ClassInfo current = chosen;
            int depth = 0;
            while (current != null && depth++ < 100) {
                Boolean throwsAtOnce = current.onlyThrowsUnsupported().get(factory);
                if (throwsAtOnce != null) {
                    if (throwsAtOnce) {
                        found.add(factory + "()");
                    }
                    break;
                }
                current = current.superName() == null ? null : all.get(current.superName());
            }
        }
        return List.copyOf(found);
    }

    static ClassInfo read(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Map<String, Boolean> factories = new HashMap<>();
        boolean[] constructor = {false};
        String[] header = new String[2];
        int[] access = {0};
        List<String> interfaces = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int acc, String name, String signature, String superName, String[] ifaces) {
                access[0] = acc;
                header[0] = name;
                header[1] = superName;
                if (ifaces != null) {
                    interfaces.addAll(List.of(ifaces));
                }
            }

            @Override
            public MethodVisitor visitMethod(int acc, String name, String descriptor, String signature, String[] ex) {
                if (name.equals("<init>") && descriptor.equals("()V") && (acc & Opcodes.ACC_PUBLIC) != 0) {
                    constructor[0] = true;
                }
                if (!FACTORIES.contains(name) || (acc & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_STATIC
                        | Opcodes.ACC_ABSTRACT)) != 0) {
                    return null;
                }
                return new ThrowsAtOnce(name, factories);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(header[0], access[0], header[1], List.copyOf(interfaces), constructor[0], factories);
    }

    /** Whether a method's code is straight-line and starts by making an UnsupportedOperationException it throws. */
    private static final class ThrowsAtOnce extends MethodVisitor {
        private final String name;
        private final Map<String, Boolean> into;
        private boolean first = true;
        private boolean startsWithUnsupported;
        private boolean branches;
        private boolean throwsIt;

        ThrowsAtOnce(String name, Map<String, Boolean> into) {
            super(Opcodes.ASM9);
            this.name = name;
            this.into = into;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (first) {
                startsWithUnsupported = opcode == Opcodes.NEW && type.equals("java/lang/UnsupportedOperationException");
            }
            first = false;
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.ATHROW) {
                throwsIt = true;
            }
            if (opcode != Opcodes.DUP) {
                first = false;
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            branches = true;
            first = false;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            first = false;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String n, String d, boolean isInterface) {
            first = false;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String n, String d) {
            first = false;
        }

        @Override
        public void visitEnd() {
            into.put(name, startsWithUnsupported && throwsIt && !branches);
        }
    }
}
