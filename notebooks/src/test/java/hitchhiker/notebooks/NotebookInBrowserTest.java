package hitchhiker.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The learner's path end to end: the Jupyter notebook server with the Java kernel, the first
 * notebook opened in a headless Chromium, "Run All" through the notebook's own UI, and the
 * rendered output cells read back from the page. Leaves a screenshot of the whole executed
 * notebook in target/.
 *
 * <p>Every wait has a deadline and fails saying what the page showed; the server, its kernel and
 * the browser are ended whatever happens, also when the test's own timeout cuts it short (the test
 * runs in a thread of its own, so that a stuck call cannot hold the cleanup back).
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NotebookInBrowserTest {

    static final String NOTEBOOK = "00-introduction";
    static final Path SCREENSHOT = Path.of("target", "notebook-" + NOTEBOOK + ".png");

    /** The notebook page as the test reads it: the kernel's state, each code cell's prompt and output. */
    private static final String PAGE_STATE = """
            (() => {
              const nb = window.Jupyter && Jupyter.notebook;
              const kernel = nb && nb.kernel;
              const cells = [...document.querySelectorAll('.code_cell')];
              return {
                loaded: !!(nb && nb._fully_loaded),
                kernelReady: !!(kernel && kernel.is_connected() && Object.keys(kernel.info_reply || {}).length > 0),
                kernelBusy: !!(nb && nb.kernel_busy),
                notification: ((document.querySelector('#notification_area') || {}).innerText || '').trim(),
                prompts: cells.map(c => (c.querySelector('.input_prompt') || {}).innerText || ''),
                outputs: cells.map(c => [...c.querySelectorAll('.output_area')].map(o => o.innerText).join('\\n')),
                errors: [...document.querySelectorAll('.output_error')].map(e => e.innerText)
              };
            })()""";

    @TempDir
    Path dir;

    /** The notebook server's log, for failure messages. */
    private Path serverLog;

    /** What the test started, ended after it in any case. */
    private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void endWhatTheTestStarted() throws Exception {
        Exception first = null;
        for (AutoCloseable c : started.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    @Test
    void runAllOfTheFirstNotebookInTheBrowserShowsItsChecksPassing() throws Exception {
        Path jupyter = Workspace.require("jupyter", "jupyter-notebook");
        Workspace.require("jupyter-notebook", "jupyter-notebook");
        Path chromium = Workspace.require("chromium", "chromium");
        long t0 = System.nanoTime();
        String notebook = startServer(jupyter, "/notebooks/" + NOTEBOOK + ".ipynb");
        // The browser's process is handed over as soon as it exists: a failed start is cleaned up too.
        HeadlessBrowser browser = HeadlessBrowser.start(chromium, dir, p -> started.add(() -> JupyterEnvironment.stop(p)));
        DevTools page = browser.open(notebook);
        started.add(page);
        page.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1200, "height", 900, "deviceScaleFactor", 1, "mobile", false), 10);

        JsonNode state = await(page, s -> s.path("kernelReady").asBoolean(), 150, "the notebook to load and its kernel to answer");
        double ready = seconds(t0);
        assertThat(ran(state)).as("code cells showing a prompt number before Run All (the notebook must come without outputs)").isZero();
        int cells = state.path("prompts").size();
        assertThat(cells).as("code cells in " + NOTEBOOK).isPositive();

        page.evaluate("Jupyter.notebook.execute_all_cells(); true"); // the UI's Cell > Run All
        state = await(page, s -> s.path("errors").size() > 0 || (ran(s) == cells && !s.path("kernelBusy").asBoolean()),
                240, "every code cell to run");
        double done = seconds(t0);
        saveScreenshot(page);

        assertThat(text(state.path("errors"))).as("error outputs in the page; %s", describe(state)).isEmpty();
        for (int i = 0; i < cells; i++) {
            assertThat(state.path("outputs").get(i).asText().strip()).as("the output of code cell %d; %s", i + 1, describe(state)).isNotEmpty();
        }
        assertThat(text(state.path("outputs"))).contains("DON'T PANIC", "All required checks passed.", "check:  passed", "part1.pi");
        System.out.printf("%s in the browser: page and kernel ready after %.1f s, Run All of %d cells done after %.1f s; screenshot %s%n",
                NOTEBOOK, ready, cells, done, SCREENSHOT.toAbsolutePath());
    }

    /** Starts the notebook server on a free port and returns the address of {@code path} on it, token included, once it answers. */
    private String startServer(Path jupyter, String path) throws Exception {
        JupyterEnvironment env = new JupyterEnvironment(dir);
        int port = freePort();
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path log = dir.resolve("server.log");
        List<String> serve = new ArrayList<>(List.of(jupyter.toString(), "notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token, "--notebook-dir=" + env.notebooks,
                // A kernel that starts slowly on a loaded machine is not given up for dead.
                "--MappingKernelManager.kernel_info_timeout=150"));
        if ("root".equals(System.getProperty("user.name"))) serve.add("--allow-root"); // CI containers run as root
        Process server = env.command(log, serve.toArray(String[]::new)).start();
        started.add(() -> JupyterEnvironment.stop(server));
        serverLog = log;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("the notebook server ended:\n" + JupyterEnvironment.tail(log, 40));
            try {
                HttpRequest status = HttpRequest.newBuilder(URI.create(base + "/api/status?token=" + token))
                        .timeout(Duration.ofSeconds(5)).build();
                if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return base + path + "?token=" + token;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail("the notebook server did not answer in 90 s:\n" + JupyterEnvironment.tail(log, 40));
        throw new AssertionError("unreachable");
    }

    /**
     * Reads the page's state until {@code done} holds, for at most {@code seconds}; then fails with
     * what the page showed, the server's log and a screenshot.
     */
    private JsonNode await(DevTools page, Predicate<JsonNode> done, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode state = null;
        while (true) {
            state = page.evaluate(PAGE_STATE);
            if (done.test(state)) return state;
            if (System.nanoTime() > deadline) break;
            Thread.sleep(250);
        }
        try {
            saveScreenshot(page);
        } catch (Exception e) {
            // the failure below says more than a missing picture
        }
        fail("waited " + seconds + " s for " + what + "; " + describe(state) + "\nthe notebook server's log ends:\n"
                + JupyterEnvironment.tail(serverLog, 40));
        throw new AssertionError("unreachable");
    }

    /** How many code cells show a prompt number: [*] is queued or running, [ ] never ran. */
    private static int ran(JsonNode state) {
        int n = 0;
        for (JsonNode p : state.path("prompts")) if (p.asText().matches("(?s).*\\[\\d+\\].*")) n++;
        return n;
    }

    private static String describe(JsonNode state) {
        StringBuilder sb = new StringBuilder("the page showed: notebook loaded " + state.path("loaded").asBoolean()
                + ", kernel ready " + state.path("kernelReady").asBoolean() + ", kernel busy " + state.path("kernelBusy").asBoolean()
                + ", notification '" + state.path("notification").asText() + "'");
        JsonNode prompts = state.path("prompts");
        for (int i = 0; i < prompts.size(); i++) {
            String out = state.path("outputs").path(i).asText().strip();
            sb.append("\n  code cell ").append(i + 1).append(" ").append(prompts.get(i).asText().replace('\u00a0', ' ').strip())
                    .append(out.isEmpty() ? " (no output)" : " " + (out.length() > 300 ? "…" + out.substring(out.length() - 300) : out)
                            .replace("\n", "\n      "));
        }
        for (JsonNode e : state.path("errors")) sb.append("\n  error output: ").append(e.asText());
        return sb.toString();
    }

    private static String text(JsonNode strings) {
        List<String> all = new ArrayList<>();
        strings.forEach(s -> all.add(s.asText()));
        return String.join("\n", all);
    }

    /** A PNG of the whole notebook: the page is made as tall as the notebook, so that nothing scrolls. */
    private static void saveScreenshot(DevTools page) throws Exception {
        long height = page.evaluate("(document.querySelector('#header') || {offsetHeight: 0}).offsetHeight"
                + " + (document.querySelector('#notebook') || document.body).scrollHeight + 40").asLong();
        page.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1200, "height", (int) Math.clamp(height, 900, 12000),
                "deviceScaleFactor", 1, "mobile", false), 10);
        // The notebook sizes its scrolling area on the resize event; let it lay out again.
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))");
        JsonNode shot = page.call("Page.captureScreenshot", Map.of("format", "png"), 30);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
