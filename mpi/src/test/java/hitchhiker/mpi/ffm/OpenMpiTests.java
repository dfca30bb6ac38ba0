package hitchhiker.mpi.ffm;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.ArrayList;
import java.util.List;

/** What tests that need Open MPI share: skip without it locally, fail without it in CI. */
final class OpenMpiTests {

    /** Light JVMs for ranks on a 2-core machine (tests measure behaviour, not speed). */
    static final List<String> RANK_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m",
            "-XX:ErrorFile=/tmp/hhg-hs_err_%p.log");

    private OpenMpiTests() {
    }

    /**
     * Skips the test (with the reason) where Open MPI is missing; under {@code CI=true} fails it
     * instead, since CI installs Open MPI and its absence there is a broken build.
     */
    static void requireOpenMpi() {
        Mpirun.unavailable().ifPresent(why -> {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail("CI must have Open MPI: " + why);
            Assumptions.abort(why);
        });
    }

    /** A rank's command line: the light JVM options, then {@code extra}. */
    static List<String> java(List<String> extra, String mainClass, List<String> args) {
        List<String> options = new ArrayList<>(RANK_JVM);
        options.addAll(extra);
        return Mpirun.javaCommand(options, mainClass, args);
    }
}
