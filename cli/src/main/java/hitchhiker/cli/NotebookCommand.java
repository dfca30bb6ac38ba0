package hitchhiker.cli;

import hitchhiker.examples.BadInputException;
import hitchhiker.kernel.JShellKernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code hhg notebook}: the guide as Jupyter notebooks. Installs the Java kernel for the user
 * ({@code jupyter kernelspec install --user}, a kernel that Jupyter starts through this launcher)
 * and runs the Jupyter notebook server on {@code notebooks/}. Jupyter comes from the system's
 * packages; without it the command says how to get it and exits with 2.
 */
@Command(name = "notebook", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = NotebookCommand.Kernel.class,
        description = {"The guide as Jupyter notebooks, in Java: installs the kernel for you and starts",
                "Jupyter on notebooks/. Arguments after the options go to 'jupyter notebook'."},
        footer = {"", "Examples:", "  hhg notebook", "  hhg notebook -- --no-browser --port 8899",
                "  hhg notebook --install-only",
                "", "Needs Jupyter (Debian: apt-get install jupyter-notebook python3-nbclient python3-nbconvert)."})
final class NotebookCommand implements Callable<Integer> {

    static final String MISSING = "Jupyter is not installed (no 'jupyter' and 'jupyter-notebook' on PATH): install it "
            + "(Debian: apt-get install jupyter-notebook python3-nbclient python3-nbconvert) and run hhg notebook again";

    @ParentCommand
    private Hhg hhg;

    @Option(names = "--install-only", description = "Install the kernel for this user and stop.")
    private boolean installOnly;

    @Parameters(paramLabel = "JUPYTER_ARG", description = "More arguments for 'jupyter notebook'.")
    private List<String> jupyterArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path jupyter = jupyter().orElseThrow(() -> new BadInputException(MISSING));
        Path root = projectRoot();
        Path launcher = root.resolve("hhg");
        Path notebooks = root.resolve("notebooks");
        if (!Files.isExecutable(launcher) || !Files.isDirectory(notebooks)) {
            throw new BadInputException("hhg notebook runs from the project's checkout: no hhg launcher and notebooks/ in " + root);
        }
        install(jupyter, KernelSpec.forLauncher(launcher));
        hhg.out().println("Installed the Jupyter kernel '" + KernelSpec.DISPLAY_NAME + "' (" + KernelSpec.NAME + ") for this user.");
        if (installOnly) return 0;
        List<String> command = new ArrayList<>(List.of(jupyter.toString(), "notebook", "--notebook-dir=" + notebooks));
        // The generator's sources and build output live beside the notebooks; the file browser shows the notebooks.
        for (String hidden : List.of("src", "target", "pom.xml", "hhg-out", "__pycache__", "*.pyc")) {
            command.add("--ContentsManager.hide_globs=" + hidden);
        }
        // Jupyter refuses to run as root unless told; containers and CI machines often are root.
        if ("root".equals(System.getProperty("user.name"))) command.add("--allow-root");
        command.addAll(jupyterArgs);
        Process server = new ProcessBuilder(command).inheritIO().start();
        // Stopping hhg (Ctrl-C, SIGTERM) stops Jupyter, which shuts its kernels down.
        Thread stop = new Thread(() -> {
            server.destroy();
            try {
                if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
            } catch (InterruptedException e) {
                server.destroyForcibly();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        int code = server.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return code;
    }

    /** The {@code jupyter} command, when it and its notebook server are on the PATH. */
    static Optional<Path> jupyter() {
        Optional<Path> jupyter = DoctorCommand.onPath("jupyter");
        return jupyter.isPresent() && DoctorCommand.onPath("jupyter-notebook").isPresent() ? jupyter : Optional.empty();
    }

    /**
     * Installs the kernel spec for the user: writes it into {@code kernels/hitchhiker} of the
     * user's Jupyter data directory, as {@code jupyter --data-dir} names it. That is what
     * {@code jupyter kernelspec install --user} does, without needing Debian's separate
     * {@code jupyter-client} package for the {@code jupyter-kernelspec} command.
     */
    static void install(Path jupyter, KernelSpec spec) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jupyter.toString(), "--data-dir").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String said = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("jupyter --data-dir did not finish in 60 s");
        }
        if (p.exitValue() != 0 || said.isEmpty() || said.contains("\n")) {
            throw new IllegalStateException("jupyter --data-dir failed (status " + p.exitValue() + "): " + said);
        }
        spec.writeTo(Path.of(said).resolve("kernels").resolve(KernelSpec.NAME));
    }

    /** The checkout this command was built in: {@code cli/target/hhg.jar} or {@code cli/target/classes} is three levels down. */
    static Path projectRoot() throws URISyntaxException {
        Path built = Path.of(NotebookCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = built.getParent() == null ? null : built.getParent().getParent();
        root = root == null ? null : root.getParent();
        if (root == null) throw new BadInputException("hhg notebook runs from the project's checkout, not from " + built);
        return root;
    }

    /**
     * {@code hhg notebook kernel CONNECTION_FILE}: the Java kernel itself, as Jupyter starts it —
     * JShell with the toolkit on the class path, the shell's imports and helpers, and the notebooks'
     * helpers ({@link NotebookHelpers}).
     */
    @Command(name = "kernel", hidden = true, mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Serve the Java kernel on a Jupyter connection file (Jupyter starts this).")
    static final class Kernel implements Callable<Integer> {

        /**
         * The JVM's root logger, held so that its level stays set: jjava logs through SLF4J to
         * java.util.logging under short names ("Loop", "BaseKernel"), and its INFO lines narrate
         * every socket loop; warnings still reach Jupyter's log.
         */
        private static final java.util.logging.Logger ROOT_LOG = java.util.logging.Logger.getLogger("");

        @Parameters(index = "0", paramLabel = "CONNECTION_FILE", description = "The connection file Jupyter wrote.")
        private Path connectionFile;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(connectionFile)) {
                throw new BadInputException("no Jupyter connection file at " + connectionFile);
            }
            exitWithJupyter();
            ROOT_LOG.setLevel(java.util.logging.Level.WARNING);
            // JShell starts while the kernel already answers Jupyter; the first cell waits for it.
            JShellKernel.serve(config(), connectionFile);
            return 0;
        }

        /** The kernel's JShell: this JVM's class path, the Vector API, the shell's startup and the notebooks' helpers. */
        static JShellKernel.Config config() {
            String startup = JShellKernel.DEFAULT_IMPORTS + ShellCommand.startupScript()
                    + "import static " + NotebookHelpers.class.getName() + ".*;\n";
            return new JShellKernel.Config(KernelSpec.NAME, Version.hitchhiker(), ShellCommand.classPath(),
                    List.of("--add-modules", "jdk.incubator.vector"), startup);
        }

        /**
         * Jupyter names itself in {@code JPY_PARENT_PID}; when that process ends without shutting
         * the kernel down (killed, crashed), the kernel ends too rather than live on as an orphan.
         */
        private static void exitWithJupyter() {
            String pid = System.getenv("JPY_PARENT_PID");
            if (pid == null || !pid.matches("\\d+")) return;
            ProcessHandle.of(Long.parseLong(pid)).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }
    }
}
