package hitchhiker.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium} run headless on a local file, one fresh profile per call, with
 * everything that would reach the network switched off. A call that overruns its time is killed
 * with all its child processes.
 */
final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    private final Path binary;
    private final Path scratch;

    HeadlessChromium(Path binary, Path scratch) {
        this.binary = binary;
        this.scratch = scratch;
    }

    /** $HHG_CHROMIUM (when executable), or else the first of chromium, chromium-browser, google-chrome on the PATH. */
    static Optional<Path> find() {
        String explicit = System.getenv("HHG_CHROMIUM");
        if (explicit != null && !explicit.isBlank()) return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .flatMap(d -> NAMES.stream().map(n -> Path.of(d, n)))
                .filter(Files::isExecutable).findFirst();
    }

    /** The page's DOM after its load event (and its scripts) ran. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", "--virtual-time-budget=5000", page.toUri().toString()));
    }

    /** A PNG of the page's first {@code width} × {@code height} pixels. */
    Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--virtual-time-budget=5000", page.toUri().toString()));
        if (!Files.isRegularFile(png)) throw new IOException("chromium wrote no screenshot to " + png);
        return png;
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "profile");
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("chromium did not finish in " + TIME_LIMIT.toSeconds() + " s: " + tail(err));
            }
            if (p.exitValue() != 0) throw new IOException("chromium exited with " + p.exitValue() + ": " + tail(err));
            return Files.readString(out);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path file) throws IOException {
        String s = Files.readString(file);
        return s.length() <= 2000 ? s : s.substring(s.length() - 2000);
    }
}
