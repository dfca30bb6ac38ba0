package hitchhiker.cli;

import hitchhiker.examples.BadInputException;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a user's own classes are, for {@code hhg exec} and {@code hhg mpirun}: the {@code -cp}
 * option when given, else the {@code CLASSPATH} variable (as {@code java} reads it), each entry a
 * directory or a jar; {@code dir/*} means every jar in {@code dir}, as for {@code java}.
 */
record UserClassPath(List<String> entries) {

    UserClassPath {
        entries = List.copyOf(entries);
    }

    /**
     * The option's entries if any, else {@code CLASSPATH}'s. A missing entry of the option is bad
     * input; one of the variable is skipped, as {@code java} skips it.
     */
    static UserClassPath of(List<String> option, Map<String, String> env) {
        boolean fromVariable = option.isEmpty();
        List<String> given = fromVariable ? List.of(env.getOrDefault("CLASSPATH", "").split(File.pathSeparator)) : option;
        List<String> entries = new ArrayList<>();
        for (String entry : given) {
            if (entry.isBlank()) continue;
            if (entry.endsWith("/*") || entry.equals("*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 1));
                try (var jars = Files.list(dir.toString().isEmpty() ? Path.of(".") : dir)) {
                    jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> entries.add(j.toString()));
                } catch (Exception e) {
                    if (!fromVariable) throw new BadInputException("class path entry '" + entry + "': no such directory");
                }
                continue;
            }
            boolean exists;
            try {
                exists = Files.exists(Path.of(entry));
            } catch (InvalidPathException e) {
                exists = false;
            }
            if (!exists && fromVariable) continue;
            if (!exists) throw new BadInputException("class path entry '" + entry + "' does not exist");
            entries.add(entry);
        }
        return new UserClassPath(entries);
    }

    /** A class loader over the entries, in front of (delegating to) {@code parent}; {@code parent} itself when there are none. */
    ClassLoader loader(ClassLoader parent) {
        if (entries.isEmpty()) return parent;
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = Path.of(entries.get(i)).toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new BadInputException("class path entry '" + entries.get(i) + "' is not a path");
            }
        }
        return new URLClassLoader("user", urls, parent);
    }
}
