package hitchhiker.cli.docs;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds one member of a Java source file — a class, interface, enum, record, method, constructor
 * or field — and returns its text: from its javadoc (and annotations) through its closing brace
 * or semicolon, re-indented to the left margin.
 *
 * <p>The source is parsed with javac's own parser (the {@code com.sun.source} tree API, parsing
 * only, no symbol resolution), so braces in strings, text blocks and comments, generics and
 * lambdas are all handled as the compiler sees them. A member is named by its simple name
 * ({@code escapeTime}), optionally qualified by the types that enclose it
 * ({@code Julia.escapeTime}, {@code Pool.Task.run}), and for overloaded methods by its parameter
 * types as written ({@code check(long)}); a constructor is named after its class with parameter
 * types ({@code Julia(int, double)}). Members of local and anonymous classes are not searched.
 */
public final class JavaMembers {

    private final String source;
    private final String name;
    private final List<Found> members = new ArrayList<>();

    /** A member found in the file, with its enclosing path and character range. */
    private record Found(List<String> path, String parameters, boolean constructor, long start, long end) {
        String display() {
            return String.join(".", path) + (parameters == null ? "" : "(" + parameters + ")");
        }
    }

    private JavaMembers(String source, String name) {
        this.source = source;
        this.name = name;
    }

    /**
     * The text of the member named {@code member} in {@code source}; {@code name} names the file
     * in messages. Throws {@link IllegalArgumentException} when the file does not parse, or when
     * no member or more than one member matches, naming the candidates.
     */
    public static String extract(String source, String name, String member) {
        JavaMembers file = new JavaMembers(source, name);
        file.parse();
        return file.find(member);
    }

    private void parse() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("no Java compiler in this runtime (a JDK is needed, not a JRE)");
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name.replace('\\', '/')),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(file));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + name, e);
        }
        var errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        if (!errors.isEmpty()) {
            var d = errors.getFirst();
            throw new IllegalArgumentException(name + ":" + d.getLineNumber() + ": does not parse: " + d.getMessage(null));
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree c) collect(unit, positions, c, List.of());
        }
    }

    private void collect(CompilationUnitTree unit, SourcePositions positions, ClassTree type, List<String> outer) {
        List<String> path = append(outer, type.getSimpleName().toString());
        add(unit, positions, type, path, null, false);
        for (Tree m : type.getMembers()) {
            switch (m) {
                case ClassTree nested -> collect(unit, positions, nested, path);
                case MethodTree method -> {
                    String simple = method.getName().contentEquals("<init>") ? type.getSimpleName().toString()
                            : method.getName().toString();
                    String params = method.getParameters().stream().map(p -> compact(p.getType().toString()))
                            .collect(Collectors.joining(","));
                    add(unit, positions, method, append(path, simple), params,
                            method.getName().contentEquals("<init>"));
                }
                case VariableTree field -> add(unit, positions, field, append(path, field.getName().toString()), null, false);
                default -> { }
            }
        }
    }

    private void add(CompilationUnitTree unit, SourcePositions positions, Tree tree, List<String> path, String params,
                     boolean constructor) {
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        // A record's compact canonical constructor and the implicit members have no source of their own.
        if (start < 0 || end <= start) return;
        members.add(new Found(path, params, constructor, start, end));
    }

    private String find(String member) {
        String wanted = member.strip();
        String params = null;
        int paren = wanted.indexOf('(');
        if (paren >= 0) {
            if (!wanted.endsWith(")")) throw new IllegalArgumentException("bad member name '" + member + "'");
            params = compact(wanted.substring(paren + 1, wanted.length() - 1));
            wanted = wanted.substring(0, paren);
        }
        List<String> segments = List.of(wanted.split("\\."));
        String p = params;
        List<Found> matches = members.stream()
                .filter(f -> endsWith(f.path(), segments))
                // Without parameter types a class's name means the class, not its constructors.
                .filter(f -> p == null ? !f.constructor() : p.equals(f.parameters()))
                .toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no member '" + member + "' in " + name);
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("member '" + member + "' is ambiguous in " + name + ": "
                    + matches.stream().map(Found::display).collect(Collectors.joining(", ")));
        }
        Found f = matches.getFirst();
        int from = lineStart(withLeadingComment((int) f.start()));
        int to = lineEnd((int) f.end());
        return dedent(source.substring(from, to));
    }

    /** Moves back over the javadoc or comment lines right above a declaration, if any. */
    private int withLeadingComment(int start) {
        int i = lineStart(start);
        while (i > 0) {
            int prevEnd = i - 1;                       // the newline ending the previous line
            int prevStart = lineStart(prevEnd);
            String line = source.substring(prevStart, prevEnd).strip();
            if (line.startsWith("//")) {
                i = prevStart;
            } else if (line.endsWith("*/")) {
                int open = source.lastIndexOf("/*", prevEnd);
                if (open < 0) break;
                i = lineStart(open);
                if (!source.substring(i, open).isBlank()) break;  // code before the comment on its line
            } else {
                break;
            }
        }
        return Math.min(i, lineStart(start));
    }

    private int lineStart(int pos) {
        return source.lastIndexOf('\n', pos - 1) + 1;
    }

    private int lineEnd(int pos) {
        int nl = source.indexOf('\n', pos);
        return nl < 0 ? source.length() : nl;
    }

    /** Removes the indentation common to all non-blank lines, and trailing spaces. */
    static String dedent(String text) {
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    private static boolean endsWith(List<String> path, List<String> suffix) {
        return path.size() >= suffix.size() && path.subList(path.size() - suffix.size(), path.size()).equals(suffix);
    }

    private static List<String> append(List<String> path, String name) {
        List<String> out = new ArrayList<>(path);
        out.add(name);
        return List.copyOf(out);
    }

    private static String compact(String typeText) {
        return typeText.replaceAll("\\s+", "");
    }
}
