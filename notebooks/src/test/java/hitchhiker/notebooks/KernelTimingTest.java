package hitchhiker.notebooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Measures the Java kernel as Jupyter sees it, with {@code kernel_timing.py} on jupyter_client:
 * the time from starting the kernel to its kernel_info reply and to its first cell's result, and
 * the median round trip of a trivial cell. The figures are printed, not asserted: the machine may
 * be busy. What is asserted is that every cell gave the right value.
 */
class KernelTimingTest {

    static final int STARTS = 2;
    static final int CELLS = 30;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void kernelStartAndCellRoundTripArePrinted(@TempDir Path dir) throws Exception {
        Path jupyter = Workspace.require("jupyter", "jupyter-notebook python3-jupyter-client");
        JupyterEnvironment env = new JupyterEnvironment(dir);
        Path log = dir.resolve("timing.log");
        Process run = env.command(log, Workspace.jupyterPython(jupyter).toString(),
                Workspace.root().resolve("notebooks/src/test/python/kernel_timing.py").toString(),
                Integer.toString(STARTS), Integer.toString(CELLS)).start();
        if (!run.waitFor(4, TimeUnit.MINUTES)) {
            JupyterEnvironment.stop(run);
            fail("kernel_timing.py did not finish in 4 minutes:\n" + JupyterEnvironment.tail(log, 40));
        }
        String printed = JupyterEnvironment.tail(log, 6);
        assertThat(run.exitValue()).as("kernel_timing.py; its output:\n%s", JupyterEnvironment.tail(log, 40)).isZero();
        assertThat(printed).contains("kernel start to ready", "trivial cell round trip");
        System.out.println("the Java kernel, as Jupyter sees it:\n" + printed);
    }
}
