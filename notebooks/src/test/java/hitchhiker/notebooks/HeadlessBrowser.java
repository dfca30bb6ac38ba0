package hitchhiker.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Chromium, headless, on a fresh profile, with everything that would reach the network
 * switched off, driven over the DevTools protocol. Its output goes to a log file, never to a pipe
 * the test would have to drain; it says where DevTools listen in the profile's
 * {@code DevToolsActivePort} file, which is polled with a deadline. Every wait is bounded. Whoever
 * starts it ends its process (with {@link JupyterEnvironment#stop}), which it is handed at once.
 */
final class HeadlessBrowser {

    /** Without the background-networking flags, Chromium's own connections are refused on an offline machine and slow it. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars");

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration REQUEST = Duration.ofSeconds(10);

    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST).build();
    private final String devtools;

    private HeadlessBrowser(Path log, String devtools) {
        this.log = log;
        this.devtools = devtools;
    }

    /**
     * Starts Chromium with a new profile under {@code dir} and waits (at most a minute) until its
     * DevTools answer. {@code onStart} gets the process as soon as it exists, so that the caller
     * can end it whether or not the start succeeds.
     */
    static HeadlessBrowser start(Path chromium, Path dir, java.util.function.Consumer<Process> onStart) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Path log = dir.resolve("chromium.log");
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--window-size=1200,900", "about:blank"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        onStart.accept(process);
        process.getOutputStream().close();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium ended (status " + process.exitValue() + ") before its DevTools listened:\n"
                        + JupyterEnvironment.tail(log, 30));
            }
            // Chromium writes the port, a line break, then the browser's path: a file with both lines is complete.
            List<String> lines = Files.isRegularFile(portFile) ? Files.readAllLines(portFile) : List.of();
            if (lines.size() >= 2 && lines.getFirst().matches("\\d+")) {
                HeadlessBrowser browser = new HeadlessBrowser(log, "http://127.0.0.1:" + lines.getFirst());
                browser.http.send(browser.request("/json/version").build(), HttpResponse.BodyHandlers.discarding());
                return browser;
            }
            Thread.sleep(100);
        }
        JupyterEnvironment.stop(process);
        throw new IllegalStateException("chromium's DevTools did not listen in " + STARTUP.toSeconds() + " s:\n"
                + JupyterEnvironment.tail(log, 30));
    }

    /** Opens {@code url} in a new tab and connects to that tab's DevTools. */
    DevTools open(String url) throws Exception {
        HttpResponse<String> tab = http.send(request("/json/new?" + URLEncoder.encode(url, StandardCharsets.UTF_8))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (tab.statusCode() != 200) {
            throw new IllegalStateException("chromium did not open a tab (" + tab.statusCode() + "): " + tab.body()
                    + "\nchromium's log ends:\n" + JupyterEnvironment.tail(log, 30));
        }
        return DevTools.connect(new ObjectMapper().readTree(tab.body()).get("webSocketDebuggerUrl").asText());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(devtools + path)).timeout(REQUEST);
    }
}
