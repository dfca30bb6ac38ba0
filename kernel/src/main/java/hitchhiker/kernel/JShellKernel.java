package hitchhiker.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * A Jupyter kernel for Java: each cell is evaluated by JShell, in this JVM, with a class path and
 * a startup script chosen by whoever starts the kernel.
 *
 * <p>A cell is split into JShell snippets and evaluated in order; the first that does not
 * compile or throws ends the cell with an error ({@link SnippetRejectedException},
 * {@link SnippetFailedException}). When the last snippet is an expression, its value is the
 * cell's result: shown with its {@code toString}, or as an image/png when it is an image
 * ({@code java.awt.image.RenderedImage}) or the path of a PNG file. A first line
 * {@code %%timeit} times the rest of the cell ({@link CellMagic}).
 *
 * <p>Snippets run in the kernel's JVM (JShell's local execution engine), so a cell costs a
 * compile and a class load, not a round trip to a second JVM; an interrupt from Jupyter stops the
 * running cell at its next loop iteration. A served kernel answers Jupyter while JShell is still
 * starting, and reads requests the moment they come ({@link PromptConnection}).
 */
public final class JShellKernel extends BaseKernel {

    /** What the kernel is started with. */
    public record Config(String name, String version, String classPath, List<String> compilerOptions,
                         String startupScript) {
        public Config {
            Objects.requireNonNull(name);
            Objects.requireNonNull(version);
            Objects.requireNonNull(classPath);
            compilerOptions = List.copyOf(compilerOptions);
            Objects.requireNonNull(startupScript);
        }
    }

    /** The imports of JShell's own default startup, which the {@code jshell} tool starts with. */
    public static final String DEFAULT_IMPORTS = """
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.nio.file.*;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.function.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import java.util.stream.*;
            """;

    private static final Object NO_VALUE = new Object();

    /** Written once by the thread that starts JShell, read by others only after {@link #started} completed. */
    private JShell shell;
    private CapturingExecutionControl control;
    /** Completes when JShell is built and the startup script ran; fails with the startup's failure. */
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    /** Set by an interrupt while a cell runs: JShell ends a stopped snippet without an event that says so. */
    private volatile boolean interrupted;

    /** A kernel whose JShell is not started yet: {@link #create} or {@link #serve} start it. */
    JShellKernel(Config config) {
        super(config.name(), config.version(), languageInfo(), List.of(), null,
                new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, null, false,
                new StringStyler.Builder().build());
    }

    /** Builds JShell for the configuration and runs the startup script; its failure fails the start. */
    public static JShellKernel create(Config config) {
        JShellKernel kernel = new JShellKernel(config);
        kernel.startShell(config);
        kernel.awaitStart();
        return kernel;
    }

    private void startShell(Config config) {
        try {
            CapturingExecutionProvider provider = new CapturingExecutionProvider(JShellKernel.class.getClassLoader());
            shell = JShell.builder()
                    .executionEngine(provider, java.util.Map.of())
                    .compilerOptions(config.compilerOptions().toArray(String[]::new))
                    .build();
            control = provider.control();
            if (!config.classPath().isEmpty()) shell.addToClasspath(config.classPath());
            try {
                evalCode(config.startupScript());
            } catch (RuntimeException e) {
                shell.close();
                throw new IllegalStateException("the kernel's startup script failed: " + e.getMessage(), e);
            }
            started.complete(null);
        } catch (Throwable e) {
            started.completeExceptionally(e);
        }
    }

    /** Waits until JShell has started; throws the startup's failure. */
    public void awaitStart() {
        try {
            started.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel was starting", e);
        }
    }

    /** JShell, once started; a failed start becomes the request's one-line error. */
    private JShell shell() {
        try {
            awaitStart();
        } catch (RuntimeException e) {
            throw new SnippetRejectedException("the kernel could not start: " + e.getMessage());
        }
        return shell;
    }

    /**
     * Serves Jupyter on the connection described by the file Jupyter passed, until Jupyter shuts
     * the kernel down. The kernel answers Jupyter (kernel info, status) as soon as its sockets are
     * bound; JShell starts after that, in the background, since building it and running the startup
     * script take seconds of compiling. Cells, completions and inspections wait for that start;
     * when the startup script failed, each of them says so.
     */
    public static void serve(Config config, Path connectionFile) throws Exception {
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JShellKernel kernel = new JShellKernel(config);
        JupyterConnection connection = new PromptConnection(props);
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.startInBackground(config);
        connection.waitUntilClose();
    }

    /** Starts JShell on a thread of its own; requests wait for it. */
    void startInBackground(Config config) {
        Thread.ofPlatform().daemon().name("jshell-start").start(() -> {
            startShell(config);
            if (started.isCompletedExceptionally()) {
                System.err.println(started.exceptionNow().getMessage()); // to Jupyter's log as well as to each cell
            }
        });
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    @Override
    public Object evalRaw(String source) {
        shell();
        interrupted = false;
        var magic = CellMagic.of(source);
        if (magic.isPresent()) {
            evalCode(magic.get().code());
            return null; // like IPython's %%timeit: the timing is printed, the cell has no value
        }
        Object value = evalCode(source);
        return value == NO_VALUE ? null : value;
    }

    @Override
    public DisplayData eval(String source) {
        Object value = evalRaw(source);
        if (value == null) return null;
        return Images.display(value).orElseGet(() -> getRenderer().render(value));
    }

    /** Evaluates every snippet of {@code code}; returns the last one's value, or {@link #NO_VALUE}. */
    Object evalCode(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        int line = 1;
        Object value = NO_VALUE;
        while (true) {
            String trimmed = remaining.stripLeading();
            line += newlines(remaining.substring(0, remaining.length() - trimmed.length()));
            remaining = trimmed;
            if (remaining.isEmpty()) return value;
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY -> { return value; }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> throw new SnippetRejectedException(
                        "line " + line + ": incomplete code (a missing ')', '}' or ';'?): " + firstLine(remaining));
                default -> { }
            }
            String source = info.source() != null ? info.source() : remaining;
            String rest = info.completeness().isComplete() ? info.remaining() : "";
            value = evalSnippet(source, line);
            line += newlines(remaining.substring(0, remaining.length() - rest.length()));
            remaining = rest;
        }
    }

    private Object evalSnippet(String source, int line) {
        Object value = NO_VALUE;
        List<SnippetEvent> events = shell.eval(source);
        if (interrupted) {
            InterruptedException stopped = new InterruptedException("the cell was interrupted (line " + line + ")");
            stopped.setStackTrace(new StackTraceElement[0]);
            throw new SnippetFailedException(stopped);
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) continue; // an update of an earlier snippet
            Snippet snippet = event.snippet();
            if (event.exception() != null) throw failure(event.exception());
            if (event.status() == Snippet.Status.REJECTED) throw rejected(snippet, source, line);
            if (snippet instanceof DeclarationSnippet declared && event.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                System.err.println("note: " + declared.kind().toString().toLowerCase(Locale.ROOT) + " " + name(declared)
                        + " can be used once " + String.join(", ", shell.unresolvedDependencies(declared).toList())
                        + " is declared");
            }
            value = valueOf(snippet, event);
        }
        return value;
    }

    /** The value of an expression snippet as an object; {@link #NO_VALUE} for declarations and statements. */
    private Object valueOf(Snippet snippet, SnippetEvent event) {
        VarSnippet holder = null;
        if (snippet instanceof VarSnippet v && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            holder = v;
        } else if (snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            String name = snippet.source().trim().replaceAll(";$", "").trim();
            holder = shell.variables().filter(v -> v.name().equals(name) && shell.status(v).isActive())
                    .reduce((a, b) -> b).orElse(null);
        }
        if (holder == null) return NO_VALUE;
        shell.varValue(holder);
        Object v = control.takeValue();
        // The kernel shows a value, never the $n name JShell gave it; dropped, that name stops being
        // imported into every later cell's compile, which would grow slower with each value shown.
        if (holder.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) shell.drop(holder);
        if (v != null && v.getClass().isArray()) return event.value(); // JShell's "int[3] { 1, 2, 3 }"
        return v == null ? "null" : v;
    }

    private static String name(DeclarationSnippet s) {
        return s.name();
    }

    private RuntimeException failure(JShellException e) {
        Throwable thrown = control.takeFailure();
        if (e instanceof UnresolvedReferenceException u) {
            return new SnippetRejectedException("cannot run yet: " + u.getSnippet().source().trim()
                    + " uses " + String.join(", ", shell.unresolvedDependencies(u.getSnippet()).toList())
                    + ", not declared yet");
        }
        if (thrown == null && e instanceof EvalException ee) {
            thrown = new RuntimeException(ee.getExceptionClassName() + ": " + ee.getMessage());
            thrown.setStackTrace(ee.getStackTrace());
        }
        return new SnippetFailedException(thrown != null ? thrown : e);
    }

    private SnippetRejectedException rejected(Snippet snippet, String source, int firstLine) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
        if (errors.isEmpty()) {
            return new SnippetRejectedException("line " + firstLine + ": cannot compile: " + firstLine(source));
        }
        List<String> lines = new ArrayList<>();
        for (Diag d : errors) {
            int pos = (int) Math.max(0, Math.min(d.getStartPosition(), source.length()));
            int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
            int lineEnd = source.indexOf('\n', pos);
            String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            int cellLine = firstLine + newlines(source.substring(0, lineStart));
            lines.add("line " + cellLine + ": " + d.getMessage(Locale.ROOT).replace("\n", "\n    "));
            lines.add("    " + text);
            lines.add("    " + " ".repeat(pos - lineStart) + "^");
        }
        return new SnippetRejectedException(String.join("\n", lines));
    }

    private static int newlines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    private static String firstLine(String s) {
        int eol = s.indexOf('\n');
        return eol < 0 ? s : s.substring(0, eol) + " ...";
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof SnippetFailedException f) return f.trace();
        if (e instanceof SnippetRejectedException) return e.getMessage().lines().toList();
        return super.formatError(e);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String docs = shell().sourceCodeAnalysis().documentation(code, at, extraDetail).stream()
                .map(d -> d.signature() + (d.javadoc() != null && extraDetail ? "\n\n" + d.javadoc() : ""))
                .collect(Collectors.joining("\n"));
        return docs.isEmpty() ? null : new DisplayData(docs);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<String> options = shell().sourceCodeAnalysis().completionSuggestions(code, at, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        return switch (shell().sourceCodeAnalysis().analyzeCompletion(code).completeness()) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        interrupted = true;
        if (started.isDone() && !started.isCompletedExceptionally()) shell.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        if (started.isDone() && !started.isCompletedExceptionally()) shell.close();
    }

    /** Where the cells' display calls go; for helpers that show more than one result. */
    public DisplayStream displayStream() {
        return io.display;
    }
}
