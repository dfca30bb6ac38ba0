package hitchhiker.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM: this JVM's {@code java}, class path and module path, the
 * flags the toolkit relies on when this JVM has them (the Vector API incubator module, native
 * access), start-up flags measured to help, and the caller's extra options.
 *
 * <p>Start-up flags: {@code -XX:+UseSerialGC} (no parallel GC threads to start; workers have small
 * heaps) and {@code -XX:-UsePerfData} (no hsperfdata file). The default CDS archive is used as is
 * (no {@code -Xshare} flag, which would forbid the caller's {@code -XX:AOTCache} options).
 * {@code -XX:TieredStopAtLevel=1} is deliberately absent: it saves a few milliseconds at start but
 * makes compute-bound tasks several times slower.
 */
final class JvmCommand {

    private JvmCommand() {
    }

    static List<String> of(List<String> extraOptions, String mode) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:-UsePerfData");
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.add("--add-modules=jdk.incubator.vector");
        }
        if (JvmCommand.class.getModule().isNativeAccessEnabled()) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(extraOptions);
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isEmpty()) {
            cmd.add("--module-path");
            cmd.add(modulePath);
            cmd.add("--add-modules=ALL-MODULE-PATH");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        Module own = WorkerMain.class.getModule();
        if (own.isNamed()) {
            cmd.add("--module");
            cmd.add(own.getName() + "/" + WorkerMain.class.getName());
        } else {
            cmd.add(WorkerMain.class.getName());
        }
        cmd.add(mode);
        cmd.add(Long.toString(ProcessHandle.current().pid()));
        return cmd;
    }

    /**
     * Copies a child's stderr to ours, dropping the JDK's one-line incubator-module warning that
     * every child would otherwise repeat.
     */
    static void forwardErrors(Process child, String name) {
        Thread t = new Thread(() -> {
            try (var reader = child.errorReader()) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("WARNING: Using incubator modules")) continue;
                    System.err.println(line);
                }
            } catch (java.io.IOException ignored) {
                // the child is gone
            }
        }, name + "-stderr");
        t.setDaemon(true);
        t.start();
    }
}
