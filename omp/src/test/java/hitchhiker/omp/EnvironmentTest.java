package hitchhiker.omp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** OMP_NUM_THREADS, OMP_SCHEDULE and OMP_WAIT_POLICY are read at start-up (here as system properties, in a child JVM). */
@Timeout(60)
class EnvironmentTest {

    /** Prints what the runtime read. */
    public static void main(String[] args) {
        int[] team = new int[1];
        Omp.parallel().run(t -> team[0] = t.numThreads());
        System.out.println(Omp.maxThreads() + " " + Omp.schedule() + " " + Omp.waitPolicy() + " " + team[0]);
    }

    @Test
    void settingsAreReadAtStartUp() throws Exception {
        assertThat(child("-DOMP_NUM_THREADS=3,2", "-DOMP_SCHEDULE=nonmonotonic:Dynamic, 4", "-DOMP_WAIT_POLICY=PASSIVE"))
                .startsWith("3 dynamic,4 PASSIVE 3");
    }

    @Test
    void badSettingsAreReportedOnceAndIgnored() throws Exception {
        String out = child("-DOMP_NUM_THREADS=zero", "-DOMP_SCHEDULE=fastest", "-DOMP_WAIT_POLICY=sleepy");
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(out).contains(cores + " static DEFAULT " + cores)
                .contains("ignoring OMP_NUM_THREADS='zero'", "ignoring OMP_SCHEDULE='fastest'", "ignoring OMP_WAIT_POLICY='sleepy'");
    }

    @Test
    void displayEnvPrintsTheSettingsInForceAndPlacementIsReportedNotApplied() throws Exception {
        String out = child("-DOMP_DISPLAY_ENV=true", "-DOMP_NUM_THREADS=3", "-DOMP_SCHEDULE=guided,2",
                "-DOMP_PROC_BIND=close", "-DOMP_PLACES=cores");
        assertThat(out).contains("OPENMP DISPLAY ENVIRONMENT BEGIN", "OMP_NUM_THREADS = '3'", "OMP_SCHEDULE = 'GUIDED,2'",
                        "OMP_PROC_BIND = 'FALSE'   (set to 'close', not applied)", "OPENMP DISPLAY ENVIRONMENT END")
                .contains("ignoring OMP_PROC_BIND='close': a JVM cannot bind its threads", "ignoring OMP_PLACES='cores'");
        assertThat(child("-DOMP_PROC_BIND=false")).doesNotContain("ignoring", "OPENMP DISPLAY");
    }

    private static String child(String... properties) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of(properties));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EnvironmentTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
