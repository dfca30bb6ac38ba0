package hitchhiker.cli;

import hitchhiker.process.JvmCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.TreeMap;

/**
 * The Jupyter kernel spec of the guide's Java kernel: a {@code kernel.json} that tells Jupyter how
 * to start {@code hhg notebook kernel} on a connection file.
 *
 * @param argv the command Jupyter runs, with {@code {connection_file}} where the file goes
 * @param env  environment variables the kernel gets on top of Jupyter's
 */
public record KernelSpec(List<String> argv, Map<String, String> env) {

    /** The kernel's name, as notebooks' metadata and {@code jupyter kernelspec list} show it. */
    public static final String NAME = "hitchhiker";

    /** What Jupyter's menus call it. */
    public static final String DISPLAY_NAME = "Java 25 (Hitchhiker)";

    public KernelSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** The spec that starts the kernel through the {@code hhg} launcher script (which gives it the driver's flags). */
    static KernelSpec forLauncher(Path hhg) {
        return new KernelSpec(List.of(hhg.toString(), "notebook", "kernel", "{connection_file}"), Map.of());
    }

    /** The spec that starts the kernel with this JVM's java and class path (tests, builds without the launcher). */
    public static KernelSpec forThisJvm(Map<String, String> env) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> argv = new java.util.ArrayList<>(List.of(java));
        argv.addAll(ShellCommand.JVM_FLAGS);
        // A driver's flags: every cell compiles its snippet with javac, a burst of short-lived
        // objects, and G1's concurrent work competed with it (trivial cell 57-59 ms, 41-47 ms
        // with the parallel collector).
        argv.addAll(JvmCommand.driverFlags());
        argv.addAll(List.of("-Djava.awt.headless=true", "-cp", ShellCommand.classPath(), Hhg.class.getName(),
                "notebook", "kernel", "{connection_file}"));
        return new KernelSpec(argv, env);
    }

    /** The {@code kernel.json} text. */
    public String json() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        // Jupyter's interrupt is then a message the kernel answers by stopping the cell, not a
        // SIGINT that would end the JVM.
        spec.put("interrupt_mode", "message");
        spec.put("env", new TreeMap<>(env));
        return Json.write(spec) + "\n";
    }

    /** Writes {@code dir/kernel.json} (creating {@code dir}) and returns {@code dir}. */
    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), json());
        return dir;
    }
}
