package hitchhiker.process;

import java.util.stream.Collectors;

/**
 * A parent JVM for {@link WorkerFailureTest}: starts a pool of two, keeps one worker busy in a
 * long task and the other idle, prints the workers' pids, and waits to be killed.
 */
public final class OrphanParent {

    public static void main(String[] args) throws Exception {
        ProcessPool pool = new ProcessPool(2);
        pool.submit(x -> {
            Thread.sleep(120_000);
            return x;
        }, 1);
        Thread.sleep(200); // let the task reach its worker
        System.out.println(pool.pids().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(120_000);
    }
}
