package hitchhiker.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine a report's numbers were measured on: speed-ups mean little without it.
 *
 * @param cores processors available to the JVM
 * @param cpu   the processor's model name, or "unknown"
 * @param jdk   the Java runtime: vendor, VM and version
 * @param os    operating system name, version and architecture
 * @param date  when the report was made
 */
public record Machine(int cores, String cpu, String jdk, String os, ZonedDateTime date) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    /** The date as people read it: 2026-11-25 12:00:00 UTC. */
    public String dateText() {
        return DATE.format(date);
    }

    /** This JVM's machine, now. */
    public static Machine current() {
        String jdk = System.getProperty("java.vendor", "?") + " " + System.getProperty("java.vm.name", "Java")
                + " " + Runtime.version();
        String os = System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "")
                + " (" + System.getProperty("os.arch", "?") + ")";
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel().orElse("unknown"), jdk, os,
                ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The "model name" line of /proc/cpuinfo, where there is one (Linux). */
    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) return Optional.empty();
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
