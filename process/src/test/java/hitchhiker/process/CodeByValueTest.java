package hitchhiker.process;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Code that travels by value: classes compiled in memory at run time, which no worker's class
 * path has, run in the workers because their bytecode goes with the function.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CodeByValueTest {

    static final String SOURCE = """
            package generated;

            import hitchhiker.process.SerializableFunction;

            public class Squares {
                public record Point(int x, int y) implements java.io.Serializable {
                }

                public static SerializableFunction<Integer, Integer> square() {
                    return x -> Helper.twice(x * x) / 2;
                }

                public static SerializableFunction<Integer, Object> point() {
                    return x -> new Point(x, -x);
                }
            }

            class Helper {
                static int twice(int v) {
                    return 2 * v;
                }
            }
            """;

    static ProcessPool pool;

    @BeforeAll
    static void start() {
        pool = new ProcessPool(1);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void aLambdaOfAClassCompiledAtRunTimeRunsInAWorker() throws Exception {
        Class<?> squares = new InMemoryLoader(compile(SOURCE), true).loadClass("generated.Squares");
        assertThat(ClassLoader.getSystemClassLoader().getResource("generated/Squares.class")).isNull();
        @SuppressWarnings("unchecked")
        SerializableFunction<Integer, Integer> square = (SerializableFunction<Integer, Integer>) squares.getMethod("square").invoke(null);
        assertThat(pool.map(square, List.of(1, 2, 3))).containsExactly(1, 4, 9);
        assertThat(pool.submit(square, 12).get()).isEqualTo(144);
        // Classes made in the worker from shipped bytecode come back as the originals, not as copies.
        @SuppressWarnings("unchecked")
        SerializableFunction<Integer, Object> point = (SerializableFunction<Integer, Object>) squares.getMethod("point").invoke(null);
        Object p = pool.submit(point, 5).get();
        assertThat(p.getClass()).isSameAs(squares.getClassLoader().loadClass("generated.Squares$Point"));
        assertThat(p).hasToString("Point[x=5, y=-5]");
    }

    @Test
    void aClassWhoseBytecodeCannotBeFoundIsNamedWithTheReason() throws Exception {
        Class<?> squares = new InMemoryLoader(compile(SOURCE), false).loadClass("generated.Squares");
        @SuppressWarnings("unchecked")
        SerializableFunction<Integer, Integer> square = (SerializableFunction<Integer, Integer>) squares.getMethod("square").invoke(null);
        assertThatThrownBy(() -> pool.map(square, List.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generated.Squares")
                .hasMessageContaining("does not give its bytecode");
    }

    /** Compiles one source file in memory; returns the class files by binary name. */
    static Map<String, byte[]> compile(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, ByteArrayOutputStream> out = new HashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        var files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///generated/Squares.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, files, null, List.of("-classpath", System.getProperty("java.class.path")), null,
                List.of(unit)).call();
        assertThat(ok).as("compiled: %s", errors).isTrue();
        Map<String, byte[]> classes = new HashMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    /** A loader of classes held in memory, which serves their bytecode as resources when asked to. */
    static final class InMemoryLoader extends ClassLoader {
        private final Map<String, byte[]> classes;
        private final boolean servesBytecode;

        InMemoryLoader(Map<String, byte[]> classes, boolean servesBytecode) {
            super(CodeByValueTest.class.getClassLoader());
            this.classes = classes;
            this.servesBytecode = servesBytecode;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (servesBytecode && name.endsWith(".class")) {
                byte[] b = classes.get(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                if (b != null) return new ByteArrayInputStream(b);
            }
            return super.getResourceAsStream(name);
        }

        @Override
        public java.net.URL getResource(String name) {
            // Say "present" for the classes we hold, so references to them are shipped too.
            if (servesBytecode && name.endsWith(".class")
                    && classes.containsKey(name.substring(0, name.length() - ".class".length()).replace('/', '.'))) {
                try {
                    return URI.create("file:///in-memory/" + name).toURL();
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return super.getResource(name);
        }
    }
}
