package hitchhiker.examples.part1;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Variant;
import hitchhiker.process.JvmProcess;
import hitchhiker.process.SharedDouble;
import hitchhiker.process.SharedIntArray;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * part1.shared: a child JVM sets a shared double to 3.1415927 and negates a shared int array
 * 0..9; the parent then sees both changes, because both JVMs map the same memory.
 */
public final class SharedState {

    static final double PI_7 = 3.1415927;

    private SharedState() {
    }

    /** simple.py's {@code f(n, a)}, run in a child process: the child's changes are made in memory both JVMs map. */
    static void changeInChild(SharedDouble num, SharedIntArray arr) throws InterruptedException {
        JvmProcess child = new JvmProcess(() -> {
            num.set(PI_7);
            for (int i = 0; i < arr.length(); i++) arr.set(i, -arr.get(i));
        }).start();
        child.join();
        if (child.exitCode().orElse(-1) != 0) throw new IllegalStateException("the child exited with " + child.exitCode());
    }

    static final Example EXAMPLE = new ExampleSpec("part1.shared",
            "Shared memory: a child process changes a Value and an Array",
            "test_multiprocessing/simple.py, Value('d') and Array('i') changed in a Process", List.of(),
            (s, work) -> {
                SharedDouble num = work.open(new SharedDouble(0.0));
                SharedIntArray arr = work.open(new SharedIntArray(10));
                work.add(Variant.parallel("child process", 1, () -> {
                    num.set(0.0);
                    for (int i = 0; i < arr.length(); i++) arr.set(i, i);
                    changeInChild(num, arr);
                    return Ordered.map("value", num.get(), "array", Arrays.stream(arr.toArray()).boxed().toList());
                }));
                work.result(r -> {
                    Map<?, ?> got = r.get("child process", Map.class);
                    s.out().println(got.get("value"));
                    s.out().println(got.get("array"));
                    return got;
                });
                work.check(r -> {
                    Map<?, ?> got = r.get("child process", Map.class);
                    List<Integer> expected = IntStream.range(0, 10).map(i -> -i).boxed().toList();
                    boolean ok = got.get("value").equals(PI_7) && got.get("array").equals(expected);
                    return Check.of(ok, "value " + got.get("value") + " (expected " + PI_7 + "), array " + got.get("array")
                            + (ok ? "" : " (expected " + expected + ")"));
                });
            });
}
