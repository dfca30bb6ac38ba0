package hitchhiker.mpi.embedded;

import hitchhiker.mpi.Buffer;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.Mpi;
import hitchhiker.mpi.Op;
import hitchhiker.mpi.RankProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher and the failure rules, with real processes. */
@Timeout(60)
class LauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Launcher.Result launch(int np, Class<?> program) {
        return Launcher.run(np, program.getName(), List.of(),
                new Launcher.Options(true, new PrintStream(out, true), new PrintStream(err, true), List.of()));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Each rank prints long lines fast; they must arrive whole and tagged. */
    public static final class Chatty implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            String filler = "x".repeat(300);
            for (int i = 0; i < 40; i++) System.out.println("rank " + world.rank() + " line " + i + " " + filler);
            world.barrier();
            return world.allreduce(world.rank(), Op.SUM);
        }
    }

    @Test
    void everyRankRunsAndItsOutputArrivesInWholeTaggedLines() {
        Launcher.Result r = launch(3, Chatty.class);
        assertThat(r.exitStatus()).as(err()).isZero();
        assertThat(r.result()).isEqualTo(3);
        assertThat(r.launchSeconds()).isPositive().isLessThanOrEqualTo(r.totalSeconds());
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(120);
        Pattern whole = Pattern.compile("\\[(\\d)] rank \\1 line \\d+ x{300}");
        assertThat(lines).allSatisfy(l -> assertThat(l).matches(whole));
    }

    /** Rank 2 SIGKILLs itself in the middle of a series of allreduces. */
    public static final class KillsItself implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) throws Exception {
            for (int i = 0; ; i++) {
                if (world.rank() == 2 && i == 20) {
                    System.out.println("killing myself at " + System.currentTimeMillis());
                    System.out.flush();
                    new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                    Thread.sleep(10_000);
                }
                world.allreduceBuffer(Buffer.of(new double[] {i}), Buffer.of(new double[1]), Op.SUM);
            }
        }
    }

    @Test
    void aRankKilledMidCollectiveStopsTheOthersWithinTwoSecondsAndIsNamed() {
        Launcher.Result r = launch(4, KillsItself.class);
        long returned = System.currentTimeMillis();
        assertThat(r.exitStatus()).isEqualTo(137);
        assertThat(r.failure()).isEqualTo("rank 2 exited with status 137 (killed by signal 9, SIGKILL); stopped the other 3 ranks");
        Matcher m = Pattern.compile("killing myself at (\\d+)").matcher(out());
        assertThat(m.find()).as(out()).isTrue();
        assertThat(returned - Long.parseLong(m.group(1))).isLessThan(2000);
    }

    /** Rank 1 throws. */
    public static final class Throws implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            if (world.rank() == 1) throw new IllegalStateException("boom in rank 1");
            world.barrier();
            return null;
        }
    }

    @Test
    void anUncaughtExceptionFailsTheJobNamingTheRank() {
        Launcher.Result r = launch(3, Throws.class);
        assertThat(r.exitStatus()).isEqualTo(1);
        assertThat(r.failure()).startsWith("rank 1 exited with status 1");
        assertThat(err()).contains("[1] rank 1 failed: java.lang.IllegalStateException: boom in rank 1");
    }

    /**
     * Rank 1 throws but takes its time to exit (a slow shutdown hook); rank 0, waiting on it,
     * gives up and exits first. The launcher must still name rank 1, and rank 0 must say that
     * rank 1 failed (not that it finished).
     */
    public static final class FailsSlowly implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            if (world.rank() == 1) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException ignored) {
                        // exit sooner
                    }
                }));
                throw new IllegalStateException("rank 1 fails on purpose");
            }
            return world.recv(1, 0);
        }
    }

    @Test
    void theRankWhoseFaultItWasIsNamedEvenWhenARankWaitingOnItExitsFirst() {
        Launcher.Result r = launch(2, FailsSlowly.class);
        assertThat(r.exitStatus()).isEqualTo(1);
        assertThat(r.failure()).as(err()).startsWith("rank 1 exited with status 1");
        assertThat(err()).contains("PeerFailedException: rank 1 failed while rank 0 waited to receive from rank 1 (tag 0)");
    }

    /** Prints "ready" and then waits to be stopped. */
    public static final class WaitsForever implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) throws Exception {
            System.out.println("ready " + world.rank());
            System.out.flush();
            Thread.sleep(120_000);
            return null;
        }
    }

    /** A launcher in a process of its own: {@code LaunchMain NP CLASS}, watching HHG_SCRIPT_PID when set. */
    public static final class LaunchMain {
        public static void main(String[] args) {
            String script = System.getenv("HHG_SCRIPT_PID");
            if (script != null) Launcher.exitWhenGone(Long.parseLong(script));
            System.exit(Launcher.launch(Integer.parseInt(args[0]), args[1], List.of(), Launcher.Options.defaults()));
        }
    }

    /**
     * Starts a launcher with two ranks in its own JVM (its parent, for exitWhenGone, given), waits
     * until both ranks run, kills {@code victim} (the launcher or its parent) with SIGKILL and
     * checks that every process of the job ends within seconds and no file of the launcher's is left.
     */
    private void killAndExpectNoLeftovers(boolean killTheLaunchersParent) throws Exception {
        Process parent = new ProcessBuilder("sleep", "120").start();
        try {
            ProcessBuilder pb = new ProcessBuilder(RankCommand.forRank(LaunchMain.class.getName(), List.of("2", WaitsForever.class.getName()),
                    List.of(), List.of()));
            pb.command().remove("hitchhiker.mpi.RankMain");  // run LaunchMain itself, not as a rank
            pb.environment().put("HHG_SCRIPT_PID", Long.toString(parent.pid()));
            pb.redirectErrorStream(true);
            Process launcher = pb.start();
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
            int ready = 0;
            for (String line; ready < 2 && (line = lines.readLine()) != null; ) if (line.startsWith("ready")) ready++;
            assertThat(ready).isEqualTo(2);
            List<ProcessHandle> job = new ArrayList<>(launcher.descendants().toList());
            job.add(launcher.toHandle());
            (killTheLaunchersParent ? parent.toHandle() : launcher.toHandle()).destroyForcibly();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (job.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(job).as("processes of the job still running").noneMatch(ProcessHandle::isAlive);
            String prefix = "hhg-mpi-" + launcher.pid() + "-";
            for (String dir : List.of("/dev/shm", System.getProperty("java.io.tmpdir"))) {
                if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(dir))) continue;
                try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
                    assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith(prefix));
                }
            }
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aLauncherKilledWithSigkillLeavesNoRankAndNoFile() throws Exception {
        killAndExpectNoLeftovers(false);
    }

    @Test
    void aLauncherWhoseParentIsKilledStopsItsRanksAndLeavesNoFile() throws Exception {
        killAndExpectNoLeftovers(true);
    }

    @Test
    void filesOfADeadLauncherAreSweptAndOthersKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        java.nio.file.Path dead = java.nio.file.Files.createTempFile(dir, "hhg-mpi-" + gone.pid() + "-", ".result");
        java.nio.file.Path mine = java.nio.file.Files.createTempFile(dir, Fabric.filePrefix(), ".result");
        try {
            Fabric.sweep();
            assertThat(dead).doesNotExist();
            assertThat(mine).exists();
        } finally {
            java.nio.file.Files.deleteIfExists(dead);
            java.nio.file.Files.deleteIfExists(mine);
        }
    }

    /** Rank 0 waits for a message that rank 1 never sends: rank 1 just finishes. */
    public static final class WaitsForAQuitter implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            if (world.rank() == 0) return world.recv(1, 0);
            return null;
        }
    }

    @Test
    void aReceiveFromAPeerThatIsGoneFailsInsteadOfWaitingForever() {
        Launcher.Result r = launch(2, WaitsForAQuitter.class);
        assertThat(r.exitStatus()).isEqualTo(1);
        assertThat(r.failure()).startsWith("rank 0 exited with status 1");
        assertThat(err()).contains("PeerFailedException: rank 1 finished while rank 0 waited to receive from rank 1 (tag 0)");
    }

    /** Rank 1 sends a burst and exits at once; rank 0 is already waiting, slowly, for all of it. */
    public static final class SendsThenLeaves implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) throws Exception {
            if (world.rank() == 1) {
                Thread.sleep(700); // rank 0 is past spinning and checks rank 1's liveness meanwhile
                for (int i = 0; i < 200; i++) world.send(i, 0, 0);
                return null;
            }
            int sum = 0;
            for (int i = 0; i < 200; i++) sum += world.<Integer>recv(1, 0);
            return sum;
        }
    }

    @Test
    void messagesSentBeforeACleanExitAreStillDelivered() {
        Launcher.Result r = launch(2, SendsThenLeaves.class);
        assertThat(r.exitStatus()).as(err()).isZero();
        assertThat(r.result()).isEqualTo(199 * 100);
    }

    @Test
    void badLaunchesAreIllegalArguments() {
        assertThatThrownBy(() -> launch(0, Chatty.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-np must be at least 1, not 0");
        assertThatThrownBy(() -> Launcher.run(2, "no.such.Program", List.of(), Launcher.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no class 'no.such.Program' on the class path");
    }

    /** Two parents spawn three children and talk to them through the intercommunicator. */
    public static final class Parents implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            // Only the root's arguments count: the other parent passes placeholders, as MPI allows.
            Comm kids = world.rank() == 0 ? world.spawn(Kid.class, List.of("7"), 3, 0) : world.spawn((String) null, null, 0, 0);
            List<Object> seen = new ArrayList<>();
            seen.add(kids.remoteSize());
            // Bcast from parent rank 0 to every child: ROOT there, PROC_NULL in parent rank 1.
            int[] n = {world.rank() == 0 ? 1000 : -1};
            kids.bcastBuffer(Buffer.of(n), world.rank() == 0 ? Mpi.ROOT : Mpi.PROC_NULL);
            double[] sum = new double[1];
            kids.reduceBuffer(null, Buffer.of(sum), Op.SUM, world.rank() == 0 ? Mpi.ROOT : Mpi.PROC_NULL);
            List<String> hellos = new ArrayList<>();
            if (world.rank() == 1) {
                for (int i = 0; i < 3; i++) hellos.add(kids.recv(Mpi.ANY_SOURCE, 9));
                hellos.sort(null);
            }
            List<String> objects = kids.gather(null, world.rank() == 0 ? Mpi.ROOT : Mpi.PROC_NULL);
            // Intercommunicator allgather / allreduce: each group gets the other group's values.
            if (!kids.allgather(world.rank()).equals(List.of(0, 1, 2))) throw new AssertionError("intercomm allgather");
            if (kids.<Integer>allreduce(world.rank() + 1, Op.SUM) != 6) throw new AssertionError("intercomm allreduce");
            long[] sums = new long[1];
            kids.allreduceBuffer(Buffer.of(new long[] {world.rank() + 1}), Buffer.of(sums), Op.SUM);
            if (sums[0] != 6) throw new AssertionError("intercomm allreduce of buffers " + sums[0]);
            // Intercommunicator split by parity (parent 0 with children 0 and 2, parent 1 with child 1), and dup.
            Comm half = kids.split(world.rank() % 2, 0);
            if (half.size() != 1 || half.remoteSize() != (world.rank() == 0 ? 2 : 1)) throw new AssertionError("split " + half);
            if (!half.allgather("p" + world.rank()).equals(world.rank() == 0 ? List.of("k0", "k2") : List.of("k1"))) {
                throw new AssertionError("split allgather");
            }
            Comm copy = kids.dup();
            if (kids.compare(copy) != Mpi.CONGRUENT || !copy.allgather(world.rank()).equals(List.of(0, 1, 2))) throw new AssertionError("dup");
            kids.disconnect();
            List<Object> all = world.gather(List.of(sum[0], hellos, objects == null ? List.of() : objects), 0);
            return all == null ? null : new ArrayList<>(all);
        }
    }

    /** A spawned child: no parent() before, a world of its own, an intercommunicator back. */
    public static final class Kid {
        public static void main(String[] args) {
            Comm parent = Mpi.parent().orElseThrow();
            Comm world = Mpi.world();
            if (world.size() != 3 || parent.remoteSize() != 2 || !args[0].equals("7")) throw new AssertionError("bad world");
            int[] n = new int[1];
            parent.bcastBuffer(Buffer.of(n), 0);
            parent.reduceBuffer(Buffer.of(new double[] {n[0] + world.rank()}), null, Op.SUM, 0);
            parent.send("hello from child " + world.rank(), 1, 9);
            parent.gather("object " + world.allreduce(world.rank(), Op.MAX) + "/" + world.rank(), 0);
            if (!parent.allgather(world.rank()).equals(List.of(0, 1))) throw new AssertionError("intercomm allgather");
            if (parent.<Integer>allreduce(world.rank() + 1, Op.SUM) != 3) throw new AssertionError("intercomm allreduce");
            long[] sums = new long[1];
            parent.allreduceBuffer(Buffer.of(new long[] {world.rank() + 1}), Buffer.of(sums), Op.SUM);
            if (sums[0] != 3) throw new AssertionError("intercomm allreduce of buffers " + sums[0]);
            Comm half = parent.split(world.rank() % 2, world.rank());
            if (half.remoteSize() != 1 || half.size() != (world.rank() % 2 == 0 ? 2 : 1)) throw new AssertionError("split " + half);
            if (!half.allgather("k" + world.rank()).equals(List.of("p" + world.rank() % 2))) throw new AssertionError("split allgather");
            Comm copy = parent.dup();
            if (!copy.allgather(world.rank()).equals(List.of(0, 1))) throw new AssertionError("dup");
            parent.disconnect();
            System.out.println("child " + world.rank() + " parent after disconnect: " + Mpi.parent().map(Comm::toString).orElse("none"));
        }
    }

    @Test
    void spawnStartsChildrenWithAnIntercommunicatorToTheParents() {
        Launcher.Result r = launch(2, Parents.class);
        assertThat(r.exitStatus()).as(err()).isZero();
        assertThat(r.result()).isEqualTo(List.of(
                List.of(3003.0, List.of(), List.of("object 2/0", "object 2/1", "object 2/2")),
                List.of(0.0, List.of("hello from child 0", "hello from child 1", "hello from child 2"), List.of())));
        assertThat(out().lines().filter(l -> l.contains("parent after disconnect")).sorted().toList()).containsExactly(
                "[0] child 0 parent after disconnect: none", "[0] child 1 parent after disconnect: none",
                "[0] child 2 parent after disconnect: none");
    }

    /** An ordinary class with main runs too, and is not spawned. */
    public static final class PlainMain {
        public static void main(String[] args) {
            if (Mpi.parent().isPresent()) throw new AssertionError("not spawned");
            System.out.println(Mpi.backendName() + " " + Mpi.world().rank() + "/" + Mpi.world().size());
        }
    }

    @Test
    void aPlainMainRunsInEveryRank() {
        Launcher.Result r = launch(2, PlainMain.class);
        assertThat(r.exitStatus()).as(err()).isZero();
        assertThat(out().lines().sorted().toList()).containsExactly("[0] embedded 0/2", "[1] embedded 1/2");
    }
}
