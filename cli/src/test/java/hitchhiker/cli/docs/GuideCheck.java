package hitchhiker.cli.docs;

import hitchhiker.cli.Hhg;
import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import picocli.CommandLine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what a page of the guide claims about the command: every quoted {@code hhg} command
 * parses on the real command tree (picocli's {@code parseArgs}, nothing is executed), every
 * example id it names exists, and every {@code name=value} after an id is a parameter of that
 * example with an allowed value. A usage pattern ({@code hhg run <id>}) or a bare
 * subcommand to exist. {@code hhg test} and {@code hhg bench NAME} are the launcher's (Maven, and
 * a benchmark of bench/), not the command's: for {@code bench}, NAME must name a benchmark.
 */
final class GuideCheck {

    /** An example id as written in prose or commands, not part of a package or path name. */
    static final Pattern EXAMPLE_ID = Pattern.compile("(?<![\\w./-])part[1-9]\\.[a-z][a-z0-9]*(?![\\w/])");

    private static final Set<String> LAUNCHER_COMMANDS = Set.of("test", "bench");

    private final Catalogue catalogue;
    private final Set<String> benchmarks;

    /** A check against this catalogue, with the benchmarks' fully qualified class names. */
    GuideCheck(Catalogue catalogue, Set<String> benchmarks) {
        this.catalogue = catalogue;
        this.benchmarks = benchmarks;
    }

    /** What is wrong with the page's commands and example ids; empty when nothing is. */
    List<String> problems(String markdown) {
        List<String> problems = new ArrayList<>();
        for (QuotedCommands.Quoted q : QuotedCommands.in(markdown)) {
            String problem = problem(q);
            if (problem != null) problems.add(q + " — " + problem);
        }
        for (String id : exampleIds(markdown)) {
            if (catalogue.find(id).isEmpty()) problems.add("example id " + id + " is not in the catalogue");
        }
        return problems;
    }

    /** Every example id the page mentions, in order of first mention. */
    static Set<String> exampleIds(String markdown) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = EXAMPLE_ID.matcher(markdown);
        while (m.find()) {
            // "part3.julia.png" names a file, not the example; ids end at a word boundary.
            ids.add(m.group());
        }
        return ids;
    }

    private String problem(QuotedCommands.Quoted q) {
        List<String> args = q.args();
        if (!args.isEmpty() && args.getFirst().equals("bench") && args.size() > 1 && !q.template()) {
            // The launcher's rule: NAME is a class name, or its end after a dot.
            String name = args.get(1);
            return benchmarks.stream().anyMatch(b -> b.equals(name) || b.endsWith("." + name)) ? null
                    : "no benchmark '" + name + "' in bench/";
        }
        if (!args.isEmpty() && LAUNCHER_COMMANDS.contains(args.getFirst())) return null;
        CommandLine cl = commandLine();
        // A pattern, or a bare "hhg run" in prose, names a command rather than quoting a command line.
        if (q.template() || args.size() == 1) {
            if (args.isEmpty() || args.getFirst().startsWith("-")) return null;
            return cl.getSubcommands().containsKey(args.getFirst()) ? null : "no command '" + args.getFirst() + "'";
        }
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return "does not parse: " + e.getMessage();
        }
        Example example = null;
        for (String word : args) {
            if (EXAMPLE_ID.matcher(word).matches()) {
                try {
                    example = catalogue.get(word);
                } catch (BadInputException e) {
                    return e.getMessage();
                }
            } else if (example != null && !word.startsWith("-") && word.indexOf('=') > 0) {
                String name = word.substring(0, word.indexOf('='));
                Example e = example;
                Param p = e.params().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                if (p == null) return "no parameter '" + name + "' in " + e.id();
                try {
                    p.parse(word.substring(word.indexOf('=') + 1));
                } catch (RuntimeException bad) {
                    return bad.getMessage();
                }
            }
        }
        return null;
    }

    /** The real command tree, its output discarded: only parsing is asked of it. */
    private CommandLine commandLine() {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls != Hhg.class) return defaults.create(cls);
                // Hhg's constructor is the package's own; the guide check builds the tree the same way.
                Constructor<K> c = cls.getDeclaredConstructor(Catalogue.class, PrintStream.class, PrintStream.class);
                c.setAccessible(true);
                PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
                return c.newInstance(catalogue, nowhere, nowhere);
            }
        };
        return new CommandLine(Hhg.class, factory);
    }
}
