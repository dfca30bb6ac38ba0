package hitchhiker.mpi.futures;

import hitchhiker.mpi.Comm;
import hitchhiker.mpi.RankProgram;
import hitchhiker.mpi.embedded.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MPI pool: spawned workers, and the ranks of a job as workers. */
@Timeout(90)
public class MpiPoolExecutorTest {

    /** What a pool must do, whatever its workers: map, starmap, submit, failures, shutdown. */
    static List<Object> exercise(MpiPoolExecutor pool) throws Exception {
        List<Object> seen = new ArrayList<>();
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        seen.add(pool.map((RemoteFunction<Integer, Integer>) x -> x * x, items, 7));
        seen.add(pool.starmap((RemoteBiFunction<String, Integer, String>) String::repeat,
                List.of(Map.entry("a", 2), Map.entry("b", 3)), 1));
        Future<String> f = pool.submit((Callable<String> & java.io.Serializable) () -> "hello from a worker");
        seen.add(f.get(30, TimeUnit.SECONDS));
        try {
            pool.map((RemoteFunction<Integer, Integer>) x -> 10 / (x - 3), items, 5);
            seen.add("no failure");
        } catch (ExecutionException e) {
            seen.add(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        }
        try {
            pool.submit(() -> "a lambda that is not serializable");
            seen.add("accepted");
        } catch (IllegalArgumentException e) {
            seen.add(e.getMessage().startsWith("a task for MPI workers must be Serializable") ? "refused" : e.getMessage());
        }
        seen.add(pool.invokeAll(List.<Callable<Integer>>of((Callable<Integer> & java.io.Serializable) () -> 1,
                (Callable<Integer> & java.io.Serializable) () -> 2)).stream().map(MpiPoolExecutorTest::get).toList());
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> pool.submit((Callable<Integer> & java.io.Serializable) () -> 1))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        return seen;
    }

    private static Object get(Future<?> f) {
        try {
            return f.get();
        } catch (Exception e) {
            return e;
        }
    }

    static final List<Object> EXPECTED = List.of(
            IntStream.range(0, 50).map(x -> x * x).boxed().toList(),
            List.of("aa", "bbb"),
            "hello from a worker",
            "ArithmeticException: / by zero",
            "refused",
            List.of(1, 2));

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> sizes() {
        return java.util.stream.Stream.of(1, 3).map(org.junit.jupiter.params.provider.Arguments::of);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} ranks")
    @org.junit.jupiter.params.provider.MethodSource("sizes")
    void theRanksOfAWorldServeTheirRoot(int n) throws Exception {
        List<Object> results = hitchhiker.mpi.ThreadWorldAccess.run(n, w -> {
            Optional<MpiPoolExecutor> pool = MpiPoolExecutor.world(w, 0);
            if (pool.isEmpty()) return null;
            assertThat(pool.get().workers()).isEqualTo(n - 1);
            return new ArrayList<>(exercise(pool.get()));
        });
        assertThat(results.getFirst()).as(n + " ranks").isEqualTo(EXPECTED);
    }

    /** A client that spawns two workers. */
    public static final class SpawningClient implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) throws Exception {
            MpiPoolExecutor pool = MpiPoolExecutor.spawn(2);
            if (pool.workers() != 2) throw new AssertionError("workers " + pool.workers());
            List<Object> seen = exercise(pool);
            if (!EXPECTED.equals(seen)) throw new AssertionError("the pool answered " + seen);
            System.out.println("spawned pool ok on the " + hitchhiker.mpi.Mpi.backendName() + " backend");
            return new ArrayList<>(seen);
        }
    }

    @Test
    void spawnedWorkersServeTheProgramThatStartedThem() {
        var err = new ByteArrayOutputStream();
        Launcher.Result r = Launcher.run(1, SpawningClient.class.getName(), List.of(),
                Launcher.Options.defaults().withOutput(new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true)));
        assertThat(r.exitStatus()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(r.result()).isEqualTo(EXPECTED);
    }
}
