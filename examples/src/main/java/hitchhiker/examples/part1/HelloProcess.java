package hitchhiker.examples.part1;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Variant;
import hitchhiker.process.JvmProcess;
import hitchhiker.process.SharedLong;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * part1.hello: the main JVM and a child JVM each say who they are (class, parent pid, pid). The
 * child writes its parent's pid into shared memory, so we can check that its parent is us.
 */
public final class HelloProcess {

    private HelloProcess() {
    }

    /** What the workshop's info() prints, for the JVM it runs in. */
    static void info(String title, PrintStream out) {
        ProcessHandle me = ProcessHandle.current();
        out.println(title);
        out.println("main class: " + HelloProcess.class.getName());
        out.println("parent process: " + me.parent().map(ProcessHandle::pid).orElse(-1L));
        out.println("process id: " + me.pid());
    }

    /** simple.py's main line: info() here, then in a child process, which also notes its parent's pid. */
    static JvmProcess hello(PrintStream out, SharedLong childsParent) throws InterruptedException {
        info("main line", out);
        JvmProcess child = new JvmProcess(() -> {
            info("function f", System.out);
            childsParent.set(ProcessHandle.current().parent().orElseThrow().pid());
        }).output(out);
        child.start();
        child.join();
        return child;
    }

    static final Example EXAMPLE = new ExampleSpec("part1.hello", "Hello from a child process: pid and parent pid",
            "test_multiprocessing/simple.py, info() in the main process and in a Process", List.of(),
            (s, work) -> {
                SharedLong childsParent = work.open(new SharedLong(0));
                PrintStream silent = new PrintStream(PrintStream.nullOutputStream());
                int[] calls = {0};
                work.add(Variant.parallel("child process", 1, () -> {
                    childsParent.set(0);
                    JvmProcess child = hello(calls[0]++ == 0 ? s.out() : silent, childsParent); // printed once
                    return Ordered.map("main_pid", ProcessHandle.current().pid(), "child_pid", child.pid(),
                            "childs_parent_pid", childsParent.get(), "exit_code", child.exitCode().orElse(-1));
                }));
                work.check(r -> {
                    Map<?, ?> got = r.get("child process", Map.class);
                    boolean ok = got.get("childs_parent_pid").equals(got.get("main_pid")) && got.get("exit_code").equals(0);
                    return Check.of(ok, "child's parent pid " + got.get("childs_parent_pid") + (ok ? " == " : " != ")
                            + "our pid " + got.get("main_pid") + ", exit code " + got.get("exit_code"));
                });
            });
}
