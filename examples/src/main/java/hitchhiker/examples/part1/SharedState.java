package hitchhiker.examples.part1;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import hitchhiker.process.JvmProcess;
import hitchhiker.process.SharedDouble;
import hitchhiker.process.SharedIntArray;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * part1.shared: a child JVM sets a shared double to 3.1415927 and negates a shared int array
 * 0..9; the parent then sees both changes, because both JVMs map the same memory.
 */
public final class SharedState implements Example {

    static final double PI_7 = 3.1415927;

    @Override
    public String id() {
        return "part1.shared";
    }

    @Override
    public String title() {
        return "Shared memory: a child process changes a Value and an Array";
    }

    @Override
    public String mirrors() {
        return "test_multiprocessing/simple.py, Value('d') and Array('i') changed in a Process";
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public Workload prepare(Settings settings) {
        SharedDouble num = new SharedDouble(0.0);
        SharedIntArray arr = new SharedIntArray(10);
        return new Workload() {
            private boolean printed;

            @Override
            public List<Variant> variants() {
                return List.of(Variant.parallel("child process", 1, () -> {
                    num.set(0.0);
                    for (int i = 0; i < arr.length(); i++) arr.set(i, i);
                    JvmProcess child = new JvmProcess(() -> {
                        num.set(PI_7);
                        for (int i = 0; i < arr.length(); i++) arr.set(i, -arr.get(i));
                    }).start();
                    child.join();
                    if (child.exitCode().orElse(-1) != 0) throw new IllegalStateException("the child exited with " + child.exitCode());
                    if (!printed) {
                        printed = true;
                        settings.out().println(num.get());
                        settings.out().println(Arrays.toString(arr.toArray()));
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("value", num.get());
                    r.put("array", Arrays.stream(arr.toArray()).boxed().toList());
                    return r;
                }));
            }

            @Override
            public Object result(Results results) {
                return results.get("child process");
            }

            @Override
            public Check check(Results results) {
                Map<?, ?> r = results.get("child process", Map.class);
                List<Integer> expected = IntStream.range(0, 10).map(i -> -i).boxed().toList();
                boolean ok = r.get("value").equals(PI_7) && r.get("array").equals(expected);
                return Check.of(ok, "value " + r.get("value") + " (expected " + PI_7 + "), array " + r.get("array")
                        + (ok ? "" : " (expected " + expected + ")"));
            }

            @Override
            public void close() {
                num.close();
                arr.close();
            }
        };
    }
}
