package hitchhiker.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Code that travels by value, as cloudpickle gives Python: the bytecode of a class that the other
 * JVM cannot load from its class path (the class in which a lambda was written at the
 * {@code hhg shell} prompt, a class generated or compiled at run time) goes inside the serialized
 * stream, with the classes of the same loader that it refers to, and the receiving JVM defines
 * them in one class loader of its own.
 *
 * <p>It rides on Java serialization's own hooks: {@link Out#annotateClass} writes, after every
 * class descriptor, the bytecode not yet in the stream (four bytes when there is none), and
 * {@link In#resolveClass} reads it. A class is shipped when its loader is not the system class
 * loader (or one of its parents) and the system class loader cannot find it either; its bytecode
 * comes from its loader's {@code getResourceAsStream}, which JShell's and most run-time loaders
 * serve. A class shipped here and sent back resolves to the original, not to a copy.
 *
 * <p>A variable typed at the JShell prompt is a static field of a generated class in package
 * {@code REPL}, and a lambda reads it there instead of capturing it. So for those classes the
 * values of their static fields travel too, as they are when the object is serialized (values
 * that cannot be serialized, such as a pool, stay at their defaults): like cloudpickle, which
 * captures the globals of {@code __main__}. Static fields of other classes do not travel.
 */
final class ShippedClasses {

    /** One class's binary name and bytecode. */
    record Bytecode(String name, byte[] bytes) {
    }

    /** The classes to ship with a class (itself first), or why it cannot travel. */
    private record Bundle(List<Bytecode> classes, String error) {
    }

    private static final List<Bytecode> NONE = List.of();
    /** The package of the classes JShell generates for snippets. */
    private static final String SHELL_PACKAGE = "REPL.";
    private static final ClassLoader SYSTEM = ClassLoader.getSystemClassLoader();
    private static final ClassValue<Bundle> BUNDLES = new ClassValue<>() {
        @Override
        protected Bundle computeValue(Class<?> type) {
            return bundle(type);
        }
    };
    /** Classes that this JVM shipped, by name, with the loader they came from: so they come back as themselves. */
    private static final Map<String, ClassLoader> SENT = new ConcurrentHashMap<>();
    private static final Receiver RECEIVER = new Receiver();

    private ShippedClasses() {
    }

    /** The bytecode to send with {@code type}: empty when the other JVM can load it itself. */
    static List<Bytecode> bundleFor(Class<?> type) throws InvalidClassException {
        while (type.isArray()) type = type.getComponentType();
        if (type.isPrimitive()) return NONE;
        Bundle b = BUNDLES.get(type);
        if (b.error != null) throw new InvalidClassException(type.getName(), b.error);
        return b.classes;
    }

    private static Bundle bundle(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || isSystemOrParent(loader)
                || !(loader instanceof Receiver) && SYSTEM.getResource(resource(type.getName())) != null) {
            return new Bundle(NONE, null);
        }
        if (type.isHidden()) {
            return new Bundle(NONE, "is a hidden class, which no other JVM can load");
        }
        Map<String, byte[]> found = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(type.getName());
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (found.containsKey(name)) continue;
            byte[] bytes = bytecode(loader, name);
            if (bytes == null) {
                if (name.equals(type.getName())) {
                    return new Bundle(NONE, "is not on the other JVM's class path, and its class loader (" + loader
                            + ") does not give its bytecode, so it cannot be sent either");
                }
                continue; // a reference the other JVM may well resolve itself
            }
            found.put(name, bytes);
            for (String ref : references(bytes)) {
                if (!found.containsKey(ref) && shipsFrom(loader, ref)) todo.add(ref);
            }
        }
        List<Bytecode> out = new ArrayList<>();
        for (var e : found.entrySet()) {
            out.add(new Bytecode(e.getKey(), e.getValue()));
            SENT.putIfAbsent(e.getKey(), loader);
        }
        return new Bundle(List.copyOf(out), null);
    }

    private static boolean isSystemOrParent(ClassLoader loader) {
        for (ClassLoader l = SYSTEM; l != null; l = l.getParent()) if (l == loader) return true;
        return false;
    }

    /** Whether {@code name} is a class that {@code loader} has and the other JVM's class path does not. */
    private static boolean shipsFrom(ClassLoader loader, String name) {
        if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("javax.")) return false;
        String res = resource(name);
        if (loader instanceof Receiver r) return r.has(name);
        return SYSTEM.getResource(res) == null && loader.getResource(res) != null;
    }

    private static byte[] bytecode(ClassLoader loader, String name) {
        if (loader instanceof Receiver r) return r.bytes(name);
        try (InputStream in = loader.getResourceAsStream(resource(name))) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The classes a class file names in its constant pool (array types by their element class). */
    private static Set<String> references(byte[] bytes) {
        Set<String> names = new HashSet<>();
        try {
            for (PoolEntry e : ClassFile.of().parse(bytes).constantPool()) {
                if (!(e instanceof ClassEntry c)) continue;
                String n = c.asInternalName();
                int dims = 0;
                while (dims < n.length() && n.charAt(dims) == '[') dims++;
                if (dims > 0) {
                    if (n.charAt(dims) != 'L') continue;
                    n = n.substring(dims + 1, n.length() - 1);
                }
                names.add(n.replace('/', '.'));
            }
        } catch (IllegalArgumentException e) {
            // not a class file we can read: ship it alone
        }
        return names;
    }

    private static String resource(String className) {
        return className.replace('.', '/') + ".class";
    }

    /**
     * A class named in a received stream that this JVM already has by value: one it shipped out
     * (resolved in its own loader) or one it received and defined before; null otherwise.
     */
    private static Class<?> known(String name) {
        String element = elementName(name);
        if (element == null) return null;
        try {
            ClassLoader origin = SENT.get(element);
            if (origin != null) return Class.forName(name, false, origin);
            if (RECEIVER.defined(element)) return Class.forName(name, false, RECEIVER);
        } catch (ClassNotFoundException e) {
            return null;
        }
        return null;
    }

    /** Defines (or finds) a class whose bytecode came with a stream; null if none came. */
    private static Class<?> defineReceived(String name) {
        String element = elementName(name);
        if (element == null || !RECEIVER.has(element)) return null;
        try {
            return Class.forName(name, false, RECEIVER);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String elementName(String name) {
        if (!name.startsWith("[")) return name;
        int dims = 0;
        while (name.charAt(dims) == '[') dims++;
        return name.charAt(dims) == 'L' ? name.substring(dims + 1, name.length() - 1) : null;
    }

    /** Java serialization that writes the bytecode of classes the other JVM lacks. */
    static final class Out extends ObjectOutputStream {
        private final Set<String> written = new HashSet<>();

        Out(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void annotateClass(Class<?> cl) throws IOException {
            List<Bytecode> fresh = new ArrayList<>();
            for (Bytecode b : bundleFor(cl)) if (!written.contains(b.name())) fresh.add(b);
            writeInt(fresh.size());
            for (Bytecode b : fresh) {
                written.add(b.name());
                writeUTF(b.name());
                writeInt(b.bytes().length);
                write(b.bytes());
                Map<String, byte[]> statics = shellVariables(cl, b.name());
                writeInt(statics.size());
                for (var e : statics.entrySet()) {
                    writeUTF(e.getKey());
                    writeInt(e.getValue().length);
                    write(e.getValue());
                }
            }
        }

        /** The encoded static fields of a JShell class (see the class comment); empty for others. */
        private static Map<String, byte[]> shellVariables(Class<?> root, String name) {
            if (!name.startsWith(SHELL_PACKAGE)) return Map.of();
            Map<String, byte[]> values = new LinkedHashMap<>();
            try {
                Class<?> c = Class.forName(name, false, root.getClassLoader());
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (!Modifier.isStatic(m) || Modifier.isFinal(m) || f.isSynthetic()) continue;
                    try {
                        f.setAccessible(true);
                        values.put(f.getName(), Codec.encode(f.get(null), "variable " + f.getName()));
                    } catch (RuntimeException | IllegalAccessException | LinkageError e) {
                        // not serializable (a pool, a stream): the other JVM sees its default
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                return Map.of();
            }
            return values;
        }
    }

    /** Java serialization that defines the classes shipped with the stream. */
    static final class In extends ObjectInputStream {

        In(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            int n = readInt();
            for (int i = 0; i < n; i++) {
                String name = readUTF();
                byte[] bytes = new byte[readInt()];
                readFully(bytes);
                RECEIVER.offer(name, bytes);
                int statics = readInt();
                Map<String, byte[]> values = new LinkedHashMap<>();
                for (int j = 0; j < statics; j++) {
                    String field = readUTF();
                    byte[] value = new byte[readInt()];
                    readFully(value);
                    values.put(field, value);
                }
                if (!values.isEmpty()) setShellVariables(name, values);
            }
            Class<?> known = known(desc.getName());
            if (known != null) return known;
            try {
                return super.resolveClass(desc);
            } catch (ClassNotFoundException e) {
                Class<?> received = defineReceived(desc.getName());
                if (received == null) throw e;
                return received;
            }
        }
    }

    /** Sets the static fields of a received JShell class to the values they had in the sender. */
    private static void setShellVariables(String name, Map<String, byte[]> values) {
        if (SENT.containsKey(name)) return; // our own class, sent back: its variables are ours
        try {
            Class<?> c = Class.forName(name, false, RECEIVER);
            if (c.getClassLoader() != RECEIVER) return;
            for (var e : values.entrySet()) {
                Field f = c.getDeclaredField(e.getKey());
                f.setAccessible(true);
                f.set(null, Codec.decode(e.getValue()));
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot set the shell variables of " + name + ": " + e, e);
        }
    }

    /** The loader of classes received by value: one per JVM, so shipped classes see each other. */
    static final class Receiver extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> bytecode = new ConcurrentHashMap<>();

        Receiver() {
            super("hhg-shipped-classes", ShippedClasses.class.getClassLoader());
        }

        void offer(String name, byte[] bytes) {
            bytecode.putIfAbsent(name, bytes);
        }

        boolean has(String name) {
            return bytecode.containsKey(name);
        }

        byte[] bytes(String name) {
            return bytecode.get(name);
        }

        boolean defined(String name) {
            return has(name) && findLoadedClass(name) != null;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = bytecode.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }
}
