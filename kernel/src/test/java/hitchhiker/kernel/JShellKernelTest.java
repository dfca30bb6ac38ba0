package hitchhiker.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JShellKernelTest {

    static JShellKernel kernel;

    @BeforeAll
    static void start() {
        // A startup like the guide's: imports and a timeit(Runnable) helper that prints its timing.
        kernel = JShellKernel.create(new JShellKernel.Config("test", "0", System.getProperty("java.class.path"), List.of(),
                JShellKernel.DEFAULT_IMPORTS + """
                        String timeit(Runnable body) {
                            long t0 = System.nanoTime();
                            body.run();
                            String s = "timed " + (System.nanoTime() - t0 >= 0);
                            System.out.println(s);
                            return s;
                        }
                        """));
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void theLastExpressionIsTheCellsValueAsTheObjectItself() {
        assertThat(kernel.evalRaw("1 + 1")).isEqualTo(2);
        assertThat(kernel.evalRaw("int x = 20;\nint y = x + 1;\nx + y")).isEqualTo(41);
        assertThat(kernel.evalRaw("List.of(1, 2)")).isEqualTo(List.of(1, 2));
        assertThat(kernel.eval("new StringBuilder(\"abc\").reverse()").getData(MIMEType.TEXT_PLAIN)).hasToString("cba");
    }

    @Test
    void aVariableNamedAloneShowsItsValueAndDeclarationsShowNothing() {
        assertThat(kernel.evalRaw("var greeting = \"hi\";")).isNull();
        assertThat(kernel.evalRaw("greeting")).isEqualTo("hi");
        assertThat(kernel.evalRaw("void nothing() { }")).isNull();
        assertThat(kernel.evalRaw("nothing();")).isNull();
    }

    @Test
    void snippetsSeeEachOtherAcrossCells() {
        kernel.evalRaw("int square(int v) { return v * v; }");
        assertThat(kernel.evalRaw("square(7)")).isEqualTo(49);
    }

    @Test
    void arraysShowTheirElements() {
        assertThat(kernel.evalRaw("new int[] {1, 2, 3}").toString()).isEqualTo("int[3] { 1, 2, 3 }");
    }

    @Test
    void aCompileErrorNamesTheCellLineAndMarksTheColumn() {
        assertThatThrownBy(() -> kernel.evalRaw("int a = 1;\nint b = undefinedThing + 1;"))
                .isInstanceOf(SnippetRejectedException.class)
                .hasMessageContaining("line 2: cannot find symbol")
                .hasMessageContaining("int b = undefinedThing + 1;")
                .hasMessageContaining("        ^");
        assertThat(kernel.formatError(new SnippetRejectedException("line 1: x\n    y"))).containsExactly("line 1: x", "    y");
    }

    @Test
    void anExceptionIsOneTraceOfTheUsersCodeWithItsCauses() {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> kernel.evalRaw("""
                void inner() { throw new IllegalStateException("inner trouble"); }
                void outer() {
                    try { inner(); } catch (IllegalStateException e) { throw new RuntimeException("outer trouble", e); }
                }
                outer();
                """));
        assertThat(e).isInstanceOf(SnippetFailedException.class);
        List<String> trace = kernel.formatError(e);
        assertThat(trace.getFirst()).isEqualTo("java.lang.RuntimeException: outer trouble");
        assertThat(String.join("\n", trace)).contains("Caused by: java.lang.IllegalStateException: inner trouble")
                .contains(".outer(").contains(".inner(")
                .doesNotContain("jdk.jshell").doesNotContain("java.lang.reflect.Method").doesNotContain("jdk.internal.reflect");
    }

    @Test
    void theCellAfterAFailureRunsNormally() {
        assertThatThrownBy(() -> kernel.evalRaw("1 / 0")).isInstanceOf(SnippetFailedException.class)
                .hasMessage("java.lang.ArithmeticException: / by zero");
        assertThat(kernel.evalRaw("6 * 7")).isEqualTo(42);
    }

    @Test
    void incompleteCodeIsRejectedWithItsLine() {
        assertThatThrownBy(() -> kernel.evalRaw("int ok = 1;\nfor (int i = 0; i < 3; i++) {"))
                .isInstanceOf(SnippetRejectedException.class).hasMessageStartingWith("line 2: incomplete code");
    }

    @Test
    void timeitCellMagicTimesTheBodyWithTheStartupsHelper() {
        PrintStream saved = System.out;
        var out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(kernel.evalRaw("%%timeit\nint s = 0;\nfor (int i = 0; i < 100; i++) s += i;")).isNull();
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("timed true");
        assertThatThrownBy(() -> kernel.evalRaw("%%time\n1")).isInstanceOf(SnippetRejectedException.class)
                .hasMessage("unknown cell magic %%time (this kernel knows %%timeit)");
    }

    @Test
    void imagesAndPngFilesDisplayAsPng(@TempDir Path dir) throws Exception {
        DisplayData image = kernel.eval("new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(
                Base64.getDecoder().decode((String) image.getData(MIMEType.IMAGE_PNG))));
        assertThat(decoded.getWidth()).isEqualTo(3);
        assertThat(decoded.getHeight()).isEqualTo(2);

        Path png = dir.resolve("picture.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        DisplayData file = kernel.eval("Path.of(\"" + png.toString().replace("\\", "\\\\") + "\")");
        assertThat(file.hasDataForType(MIMEType.IMAGE_PNG)).isTrue();
        assertThat(file.getData(MIMEType.TEXT_PLAIN)).isEqualTo(png.toString());
        // Any other path is just text.
        assertThat(kernel.eval("Path.of(\"no-such.png\")").hasDataForType(MIMEType.IMAGE_PNG)).isFalse();
    }

    @Test
    void anInterruptStopsARunningLoopAndTheKernelGoesOn() throws Exception {
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        // Interrupts until the cell has ended: one sent while the cell still compiles finds no code to stop.
        Thread stopper = new Thread(() -> {
            while (!done.get()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                if (!done.get()) kernel.interrupt();
            }
        });
        stopper.start();
        try {
            assertThatThrownBy(() -> kernel.evalRaw("long spins = 0;\nwhile (true) { spins++; }"))
                    .isInstanceOf(SnippetFailedException.class).hasMessageContaining("interrupted");
        } finally {
            done.set(true);
            stopper.join();
        }
        assertThat(kernel.evalRaw("\"alive\"")).isEqualTo("alive");
    }

    @Test
    void aKernelStartedInTheBackgroundRunsCellsOnceJShellIsUp() {
        JShellKernel.Config config = new JShellKernel.Config("test", "0", "", List.of(), "int answer = 42;");
        JShellKernel background = new JShellKernel(config);
        background.startInBackground(config);
        try {
            assertThat(background.evalRaw("answer")).isEqualTo(42);
        } finally {
            background.onShutdown(false);
        }
    }

    @Test
    void aStartupScriptThatFailsInTheBackgroundIsEachCellsOneLineError() {
        JShellKernel.Config broken = new JShellKernel.Config("test", "0", "", List.of(), "int x = undefinedThing;");
        JShellKernel background = new JShellKernel(broken);
        background.startInBackground(broken);
        assertThatThrownBy(() -> background.evalRaw("1 + 1")).isInstanceOf(SnippetRejectedException.class)
                .hasMessageStartingWith("the kernel could not start: the kernel's startup script failed: line 1: cannot find symbol");
        assertThatThrownBy(() -> background.complete("Str", 3)).isInstanceOf(SnippetRejectedException.class);
        background.onShutdown(false);
    }
}
