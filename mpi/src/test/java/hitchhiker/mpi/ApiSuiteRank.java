package hitchhiker.mpi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The API's test-suite (the same test classes the embedded transport passes with ranks as
 * threads) as a rank program: {@code mpirun -np N java ... hitchhiker.mpi.ApiSuiteRank} runs, in
 * every process, each {@code @Test} and each {@code @ParameterizedTest} invocation whose world
 * size is N, in the same order everywhere, with {@link ThreadWorld} pointed at this process's
 * world — so the bodies run on the native backend, one rank per process. Rank 0 prints
 * {@code ok Class.method[args]} per test and {@code passed P skipped S}; the first failure is
 * printed with its stack and ends the job with status 1.
 */
public final class ApiSuiteRank {

    /** The suite's classes (jqwik properties are left out: each rank would draw different inputs). */
    static final List<Class<?>> CLASSES = List.of(PointToPointTest.class, CollectivesTest.class, MoreCallsTest.class,
            hitchhiker.mpi.futures.MpiPoolExecutorTest.class);

    /** Tests about a process alone, not about message passing between ranks. */
    static final Map<String, String> NOT_FOR_MPIRUN = Map.of(
            "aSingletonIsAWorldOfOne", "asserts the backend of a program started without a launcher",
            "spawnedWorkersServeTheProgramThatStartedThem", "starts ranks with the embedded launcher");

    private ApiSuiteRank() {
    }

    public static void main(String[] args) throws Exception {
        Comm world = Mpi.world();
        if (!Mpi.backendName().equals("native")) throw new IllegalStateException("backend is " + Mpi.backendName());
        ThreadWorld.processWorld = world;
        int passed = 0, skipped = 0;
        for (Class<?> type : CLASSES) {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            List<Method> methods = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
            methods.sort(Comparator.comparing(Method::getName));
            for (Method m : methods) {
                if (NOT_FOR_MPIRUN.containsKey(m.getName())) continue;
                for (Object[] invocation : invocations(type, m)) {
                    String name = type.getSimpleName() + "." + m.getName() + Arrays.toString(invocation);
                    world.barrier();
                    try {
                        m.setAccessible(true);
                        m.invoke(instance, invocation);
                        passed++;
                        if (world.rank() == 0) System.out.println("ok " + name);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ThreadWorld.OtherWorldSize) {
                            skipped++;
                            continue;
                        }
                        System.out.println("FAIL rank " + world.rank() + " " + name + ": " + e.getCause());
                        e.getCause().printStackTrace(System.out);
                        System.out.flush();
                        System.exit(1);
                    }
                }
            }
        }
        if (world.rank() == 0) System.out.println("passed " + passed + " skipped " + skipped);
        System.out.flush();
        Mpi.finish();
    }

    private static List<Object[]> invocations(Class<?> type, Method m) throws Exception {
        if (m.isAnnotationPresent(Test.class)) return List.<Object[]>of(new Object[0]);
        if (!m.isAnnotationPresent(ParameterizedTest.class)) return List.of();
        MethodSource source = m.getAnnotation(MethodSource.class);
        if (source == null || source.value().length != 1) throw new IllegalStateException(m + ": only one @MethodSource is supported");
        Method factory = type.getDeclaredMethod(source.value()[0]);
        factory.setAccessible(true);
        try (Stream<?> s = (Stream<?>) factory.invoke(null)) {
            return s.map(a -> ((Arguments) a).get()).toList();
        }
    }
}
