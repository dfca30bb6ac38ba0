package hitchhiker.examples.part1;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import hitchhiker.process.JvmProcess;
import hitchhiker.process.SharedLong;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * part1.hello: the main JVM and a child JVM each say who they are (class, parent pid, pid). The
 * child writes its parent's pid into shared memory, so we can check that its parent is us.
 */
public final class HelloProcess implements Example {

    @Override
    public String id() {
        return "part1.hello";
    }

    @Override
    public String title() {
        return "Hello from a child process: pid and parent pid";
    }

    @Override
    public String mirrors() {
        return "test_multiprocessing/simple.py, info() in the main process and in a Process";
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    /** What the workshop's info() prints, for the JVM it runs in. */
    static void info(String title, PrintStream out) {
        ProcessHandle me = ProcessHandle.current();
        out.println(title);
        out.println("main class: " + HelloProcess.class.getName());
        out.println("parent process: " + me.parent().map(ProcessHandle::pid).orElse(-1L));
        out.println("process id: " + me.pid());
    }

    @Override
    public Workload prepare(Settings settings) {
        SharedLong childsParent = new SharedLong(0);
        return new Workload() {
            private boolean printed;

            @Override
            public List<Variant> variants() {
                return List.of(Variant.parallel("child process", 1, () -> {
                    PrintStream out = settings.out();
                    boolean print = !printed;
                    printed = true;
                    if (print) info("main line", out);
                    childsParent.set(0);
                    JvmProcess child = new JvmProcess(() -> {
                        info("function f", System.out);
                        childsParent.set(ProcessHandle.current().parent().orElseThrow().pid());
                    }).output(print ? out : new PrintStream(PrintStream.nullOutputStream()));
                    child.start();
                    child.join();
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("main_pid", ProcessHandle.current().pid());
                    r.put("child_pid", child.pid());
                    r.put("childs_parent_pid", childsParent.get());
                    r.put("exit_code", child.exitCode().orElse(-1));
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
                boolean ok = r.get("childs_parent_pid").equals(r.get("main_pid")) && r.get("exit_code").equals(0);
                return Check.of(ok, "child's parent pid " + r.get("childs_parent_pid") + (ok ? " == " : " != ")
                        + "our pid " + r.get("main_pid") + ", exit code " + r.get("exit_code"));
            }

            @Override
            public void close() {
                childsParent.close();
            }
        };
    }
}
