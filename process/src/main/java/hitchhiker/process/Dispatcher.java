package hitchhiker.process;

import java.util.ArrayDeque;
import java.util.Collection;

/**
 * A process pool's queue of tasks and the rule that hands them to workers: the ready worker with
 * the fewest unanswered tasks gets the next one, while it has fewer than its
 * {@link WorkerHandle#window()} (about two milliseconds of work). Everything here is guarded by
 * the pool's lock.
 */
final class Dispatcher {

    /** Unanswered bytes that surely fit in a worker's stdin pipe (Linux pipes hold 64 KiB). */
    private static final int PIPE_BUDGET = 48 * 1024;

    /** Tasks not yet handed to a worker, in submission order. */
    final ArrayDeque<Task> pending = new ArrayDeque<>();
    /** Tasks submitted and neither answered, failed nor dropped. */
    long outstanding;
    private final long maxTasksPerChild;

    /** {@code maxTasksPerChild}: a worker retires after this many tasks; 0 means never. */
    Dispatcher(long maxTasksPerChild) {
        this.maxTasksPerChild = maxTasksPerChild;
    }

    /**
     * Hands pending tasks to workers with room, each into its worker's outbox (the caller pumps
     * them out after releasing the lock). Returns how many workers reached their task limit and
     * now retire: each wants a replacement.
     */
    int dispatch(Collection<WorkerHandle> workers) {
        int retiring = 0;
        while (!pending.isEmpty()) {
            Task t = pending.peek();
            if (t.future.isDone()) { // cancelled by its caller
                pending.poll();
                outstanding--;
                continue;
            }
            WorkerHandle best = null;
            for (WorkerHandle w : workers) {
                if (w.state != WorkerHandle.State.READY) continue;
                boolean room = w.sent.size() < w.window();
                if (room && (best == null || w.sent.size() < best.sent.size())) best = w;
            }
            if (best == null) break;
            pending.poll();
            t.frameBytes = frameBytes(best, t);
            t.sendFunction = best.functions.add(t.function.id());
            t.sentNanos = System.nanoTime();
            best.unansweredBytes += t.frameBytes;
            t.fitsInPipe = best.sent.isEmpty() || best.unansweredBytes <= PIPE_BUDGET;
            best.sent.add(t);
            best.outbox.add(t);
            if (maxTasksPerChild > 0 && ++best.tasksAssigned >= maxTasksPerChild) {
                best.state = WorkerHandle.State.RETIRING;
                retiring++;
            }
        }
        return retiring;
    }

    /** What sending the task to the worker writes: the function too, the first time that worker sees it. */
    private static int frameBytes(WorkerHandle w, Task t) {
        int function = w.functions.contains(t.function.id()) ? 0 : Protocol.functionFrameBytes(t.function.bytes().length);
        return function + Protocol.taskFrameBytes(t.args.length);
    }
}
