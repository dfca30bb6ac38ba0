package hitchhiker.process;

/**
 * A JVM for {@link LeftoverFilesTest}: creates shared memory and a queue, prints its directory
 * of shared files, and waits to be killed.
 */
public final class LeftoverOwner {

    public static void main(String[] args) throws Exception {
        SharedLong value = new SharedLong(42);
        ProcessQueue<Integer> queue = new ProcessQueue<>();
        queue.put(1);
        System.out.println(RuntimeFiles.ownDirectory());
        System.out.flush();
        Thread.sleep(120_000);
        value.close();
        queue.close();
    }
}
