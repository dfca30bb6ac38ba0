package hitchhiker.bench.mpi.ffm;

import hitchhiker.mpi.ffm.Mpirun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hosts on one machine: two network namespaces joined by a veth pair, each with its own
 * address, and Open MPI told to treat them as two nodes — its remote launcher
 * ({@code plm_rsh_agent}) is a small script that enters the other namespace where a cluster would
 * ssh, and messages may only use the TCP transport over the veth ({@code btl tcp,self}), as between
 * real hosts. {@code part4.pi} and a ping-pong then run with one rank on each host.
 *
 * <p>Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN) for {@code ip netns}; where that is not
 * permitted the test is skipped and says why — except under {@code CI=true}, where it must run.
 * The namespaces are removed afterwards, also when a test fails.
 */
@Timeout(150)
class TwoHostTest {

    private static final long ID = ProcessHandle.current().pid() % 100_000;
    private static final String HOST_A = "hhg-a-" + ID, HOST_B = "hhg-b-" + ID;
    private static final String NET = "10.213." + (ID % 250) + ".";
    private static final String IP_A = NET + "1", IP_B = NET + "2", CIDR = NET + "0/24";
    private static Path agent;

    @BeforeAll
    static void twoHosts() throws Exception {
        Mpirun.unavailable().ifPresent(TwoHostTest::cannotRun);
        if (Mpirun.onPath("ip").isEmpty()) cannotRun("the ip command (iproute2) is not installed");
        String denied = ip("netns", "add", HOST_A);
        if (denied != null) {
            cannotRun("ip netns is not permitted here (it needs root or CAP_SYS_ADMIN): " + denied);
        }
        String veth = "hhgv" + ID;
        for (String[] step : new String[][] {
                {"netns", "add", HOST_B},
                {"link", "add", veth + "a", "type", "veth", "peer", "name", veth + "b"},
                {"link", "set", veth + "a", "netns", HOST_A},
                {"link", "set", veth + "b", "netns", HOST_B},
                {"-n", HOST_A, "addr", "add", IP_A + "/24", "dev", veth + "a"},
                {"-n", HOST_B, "addr", "add", IP_B + "/24", "dev", veth + "b"},
                {"-n", HOST_A, "link", "set", "lo", "up"},
                {"-n", HOST_B, "link", "set", "lo", "up"},
                {"-n", HOST_A, "link", "set", veth + "a", "up"},
                {"-n", HOST_B, "link", "set", veth + "b", "up"}}) {
            String failed = ip(step);
            if (failed != null) Assertions.fail("setting up the two hosts: ip " + String.join(" ", step) + ": " + failed);
        }
        agent = Files.createTempFile("hhg-rsh-agent", ".sh", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // Called as ssh would be, "agent HOST COMMAND...": run COMMAND through a shell in HOST's namespace.
        Files.writeString(agent, """
                #!/bin/sh
                host=$1; shift
                case "$host" in
                  %s) ns=%s ;;
                  %s) ns=%s ;;
                  *) echo "rsh agent: unknown host $host" >&2; exit 255 ;;
                esac
                exec ip netns exec "$ns" /bin/sh -c "$*"
                """.formatted(IP_A, HOST_A, IP_B, HOST_B), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void removeHosts() throws Exception {
        for (String ns : List.of(HOST_A, HOST_B)) {
            Process pids = new ProcessBuilder("ip", "netns", "pids", ns).redirectErrorStream(true).start();
            String out = new String(pids.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            pids.waitFor(10, TimeUnit.SECONDS);
            for (String pid : out.split("\\s+")) {
                if (pid.matches("\\d+")) ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
            ip("netns", "del", ns);  // takes the veth end inside it, and so the pair, with it
        }
        if (agent != null) Files.deleteIfExists(agent);
    }

    @Test
    void theTwoRanksLiveInDifferentNetworkNamespaces() throws Exception {
        var job = mpirunOnBothHosts(List.of("/bin/sh", "-c", "echo \"rank $OMPI_COMM_WORLD_RANK $(readlink /proc/self/ns/net)\""));
        List<String> lines = job.lines("rank ");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).split(" ")[2]).isNotEqualTo(lines.get(1).split(" ")[2]);
    }

    @Test
    void piRunsWithOneRankOnEachHost() throws Exception {
        var job = mpirunOnBothHosts(Mpirun.javaCommand(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "hitchhiker.mpi.RankMain", List.of("hitchhiker.examples.part4.Pi$Program", "n=1000000")));
        assertThat(job.output()).contains("pi is approximately 3.14159265358");
    }

    @Test
    void pingPongCrossesTheVethOverTcp() throws Exception {
        var job = mpirunOnBothHosts(Mpirun.javaCommand(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                PingPong.class.getName(), List.of("offheap", "8", "200", "3", Integer.toString(1 << 20), "10", "3")));
        assertThat(job.lines("pingpong java-offheap bytes=8 oneway_us=")).hasSize(1);
        assertThat(job.lines("pingpong java-offheap bytes=1048576 oneway_us=")).hasSize(1);
    }

    /** mpirun started on host A, one rank per host, TCP over the veth only. */
    private static Mpirun.Outcome mpirunOnBothHosts(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", HOST_A, "mpirun", "-np", "2",
                "--host", IP_A + ":1," + IP_B + ":1",
                "--mca", "plm_rsh_agent", agent.toString(),
                "--mca", "pml", "ob1", "--mca", "btl", "tcp,self",
                "--mca", "btl_tcp_if_include", CIDR, "--mca", "oob_tcp_if_include", CIDR));
        cmd.addAll(command);
        Mpirun.Outcome job = Mpirun.launch(cmd, Map.of(), Duration.ofSeconds(90));
        assertThat(job.exitCode()).as(job.output()).isZero();
        return job;
    }

    /** Runs {@code ip args...}; null when it worked, else what it printed. */
    private static String ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        return p.exitValue() == 0 ? null : (out.isEmpty() ? "exit " + p.exitValue() : out);
    }

    private static void cannotRun(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail("CI must run the two-host test: " + why);
        Assumptions.abort(why);
    }
}
