package hitchhiker.mpi.futures;

import hitchhiker.mpi.Comm;
import hitchhiker.mpi.Mpi;
import hitchhiker.mpi.ReceiveRequest;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link java.util.concurrent.ExecutorService} whose workers are MPI processes (mpi4py's
 * {@code MPIPoolExecutor} and {@code MPICommExecutor}): the Part 1 process pool, taken to as
 * many machines as MPI reaches.
 *
 * <ul>
 *   <li>{@link #spawn(int)} starts worker processes (MPI_Comm_spawn) from any program, under
 *       {@code hhg mpirun}, Open MPI's {@code mpirun} or alone;</li>
 *   <li>{@link #world(Comm, int)} makes the ranks of a job the pool: under
 *       {@code mpirun -np N}, the root is the client and the other N - 1 ranks serve, inside
 *       the call, until the client shuts the pool down.</li>
 * </ul>
 *
 * <p>Tasks travel serialized, so they must be {@link Serializable} (a lambda cast to
 * {@link RemoteFunction} is; a plain {@code Callable} lambda is not, and is refused with a clear
 * error). {@link #map} and {@link #starmap} send items in chunks ({@code chunksize} per message,
 * as mpi4py's): one round trip per chunk instead of per item. A task's exception comes back as
 * the cause of an {@link ExecutionException}. With no worker (a world of one), tasks run in the
 * client, as mpi4py's executor then does.
 *
 * <p>One dispatcher thread does all of the pool's message passing, on a private communicator,
 * so the program's own messages never mix with the pool's.
 */
public final class MpiPoolExecutor extends AbstractExecutorService {

    private final Comm link;
    private final List<Integer> workers;
    private final boolean spawned;
    private final ConcurrentLinkedQueue<Pending> submitted = new ConcurrentLinkedQueue<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Thread dispatcher;
    private volatile boolean shutdown;
    private long nextId;

    private MpiPoolExecutor(Comm link, List<Integer> workers, boolean spawned) {
        this.link = link;
        this.workers = List.copyOf(workers);
        this.spawned = spawned;
        this.dispatcher = Thread.ofPlatform().name("hhg-mpi-pool").daemon().start(this::dispatch);
    }

    /** Starts {@code workers} new processes (MPI_Comm_spawn from this process alone) and a pool over them. */
    public static MpiPoolExecutor spawn(int workers) {
        if (workers < 1) throw new IllegalArgumentException("a pool needs at least 1 worker, not " + workers);
        Comm link = Mpi.self().spawn(PoolWorker.class, List.of(), workers, 0);
        List<Integer> ranks = new ArrayList<>();
        for (int r = 0; r < workers; r++) ranks.add(r);
        return new MpiPoolExecutor(link, ranks, true);
    }

    /**
     * Collective over {@code comm}: the {@code root} gets a pool whose workers are the other
     * ranks; every other rank serves it here, and gets an empty result once the root has shut
     * the pool down (mpi4py's {@code MPICommExecutor}).
     */
    public static Optional<MpiPoolExecutor> world(Comm comm, int root) {
        Objects.requireNonNull(comm, "comm");
        if (comm.isInter()) throw new IllegalArgumentException("world() needs an intracommunicator");
        if (root < 0 || root >= comm.size()) throw new IllegalArgumentException("root " + root + " is not a rank of a communicator of " + comm.size());
        Comm link = comm.dup();
        if (comm.rank() != root) {
            PoolWorker.serve(link, root);
            link.close();
            return Optional.empty();
        }
        List<Integer> ranks = new ArrayList<>();
        for (int r = 0; r < comm.size(); r++) if (r != root) ranks.add(r);
        return Optional.of(new MpiPoolExecutor(link, ranks, false));
    }

    /** How many worker processes serve the pool (0: tasks run in the client). */
    public int workers() {
        return workers.size();
    }

    // ---- map and starmap ---------------------------------------------------------------------

    /**
     * {@code fn} applied to every item, on the workers, {@code chunksize} items per message;
     * the results in the items' order (mpi4py's {@code executor.map}).
     *
     * @throws ExecutionException the first failed item's exception as its cause
     */
    public <T, R> List<R> map(RemoteFunction<? super T, ? extends R> fn, Collection<? extends T> items, int chunksize)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        List<Callable<?>> tasks = new ArrayList<>(items.size());
        for (T item : items) tasks.add(new Apply<>(fn, item));
        return runChunks(tasks, chunksize);
    }

    /** {@link #map} with one item per message. */
    public <T, R> List<R> map(RemoteFunction<? super T, ? extends R> fn, Collection<? extends T> items)
            throws InterruptedException, ExecutionException {
        return map(fn, items, 1);
    }

    /** {@code fn(a, b)} for every pair, on the workers, in chunks; the results in order (mpi4py's {@code starmap}). */
    public <A, B, R> List<R> starmap(RemoteBiFunction<? super A, ? super B, ? extends R> fn,
                                     Collection<? extends Map.Entry<? extends A, ? extends B>> pairs, int chunksize)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        List<Callable<?>> tasks = new ArrayList<>(pairs.size());
        for (Map.Entry<? extends A, ? extends B> p : pairs) tasks.add(new ApplyPair<>(fn, p.getKey(), p.getValue()));
        return runChunks(tasks, chunksize);
    }

    @SuppressWarnings("unchecked")
    private <R> List<R> runChunks(List<Callable<?>> tasks, int chunksize) throws InterruptedException, ExecutionException {
        if (chunksize < 1) throw new IllegalArgumentException("chunksize must be at least 1, not " + chunksize);
        List<CompletableFuture<List<Object>>> chunks = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += chunksize) {
            CompletableFuture<List<Object>> f = new CompletableFuture<>();
            enqueue(new ArrayList<>(tasks.subList(from, Math.min(tasks.size(), from + chunksize))), f);
            chunks.add(f);
        }
        List<R> results = new ArrayList<>(tasks.size());
        for (CompletableFuture<List<Object>> f : chunks) for (Object v : f.get()) results.add((R) v);
        return results;
    }

    // ---- ExecutorService ---------------------------------------------------------------------

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new RemoteFuture<>(callable);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new RemoteFuture<>(new RunThen<>(runnable, value));
    }

    /** Sends {@code command} to a worker; it must be serializable (a task from {@link #submit} is when its callable is). */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        RemoteFuture<?> f = command instanceof RemoteFuture<?> rf ? rf : new RemoteFuture<>(new RunThen<>(command, null));
        CompletableFuture<List<Object>> chunk = new CompletableFuture<>();
        chunk.whenComplete((values, failure) -> f.settle(values, failure));
        f.whenComplete((value, failure) -> {
            if (f.isCancelled()) chunk.cancel(false);  // not sent yet: the dispatcher skips it
        });
        enqueue(List.of(f.task), chunk);
    }

    /** The result of the first task to succeed; the others' results are dropped. */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) throw new IllegalArgumentException("invokeAny of no task");
        List<CompletableFuture<T>> futures = new ArrayList<>();
        for (Callable<T> t : tasks) futures.add((RemoteFuture<T>) submit(t));
        CompletableFuture<T> first = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        for (CompletableFuture<T> f : futures) {
            f.whenComplete((v, e) -> {
                if (e == null) first.complete(v);
                else if (failed.incrementAndGet() == futures.size()) first.completeExceptionally(e);
            });
        }
        try {
            return unit.toNanos(timeout) == Long.MAX_VALUE ? first.get() : first.get(timeout, unit);
        } finally {
            futures.forEach(f -> f.cancel(false));
        }
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        LockSupport.unpark(dispatcher);
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> never = new ArrayList<>();
        for (Pending p; (p = submitted.poll()) != null; ) {
            p.result.cancel(false);
            for (Callable<?> c : p.tasks) never.add(c instanceof RunThen<?> r ? r.runnable : new RemoteFuture<>(c));
        }
        LockSupport.unpark(dispatcher);
        return never;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return terminated.getCount() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    // ---- the dispatcher ----------------------------------------------------------------------

    private record Pending(long id, List<Callable<?>> tasks, CompletableFuture<List<Object>> result) {
    }

    private synchronized void enqueue(List<Callable<?>> tasks, CompletableFuture<List<Object>> result) {
        if (shutdown) throw new java.util.concurrent.RejectedExecutionException("the pool has been shut down");
        for (Callable<?> t : tasks) {
            if (!(t instanceof Serializable)) {
                throw new IllegalArgumentException("a task for MPI workers must be Serializable, and a "
                        + t.getClass().getName() + " is not (cast a lambda to RemoteFunction, or implement Serializable)");
            }
        }
        submitted.add(new Pending(nextId++, tasks, result));
        LockSupport.unpark(dispatcher);
    }

    private void dispatch() {
        Map<Long, Pending> running = new HashMap<>();
        Deque<Integer> idle = new ArrayDeque<>(workers);
        ReceiveRequest<Outcome> incoming = null;
        int quiet = 0;
        try {
            while (true) {
                boolean progressed = false;
                for (Pending p; (workers.isEmpty() || !idle.isEmpty()) && (p = submitted.poll()) != null; ) {
                    progressed = true;
                    if (p.result.isDone()) continue;  // cancelled before it was sent
                    if (workers.isEmpty()) {
                        runHere(p);
                        continue;
                    }
                    int worker = idle.poll();
                    try {
                        link.send(new Job(p.id, p.tasks), worker, PoolWorker.JOB);
                        running.put(p.id, p);
                    } catch (IllegalArgumentException notSerializable) {
                        p.result.completeExceptionally(notSerializable);
                        idle.push(worker);
                    }
                }
                if (!running.isEmpty()) {
                    if (incoming == null) incoming = link.irecv(Mpi.ANY_SOURCE, PoolWorker.OUTCOME);
                    if (incoming.test()) {
                        Outcome o = incoming.value();
                        idle.add(incoming.waitFor().source());
                        incoming = null;
                        Pending p = running.remove(o.id());
                        if (o.failure() != null) p.result.completeExceptionally(o.failure());
                        else p.result.complete(o.values());
                        progressed = true;
                    }
                }
                if (shutdown && running.isEmpty()) {
                    synchronized (this) {  // enqueue checks and adds under this lock: nothing slips in after the last look
                        if (submitted.isEmpty()) break;
                    }
                }
                if (progressed) {
                    quiet = 0;
                } else if (++quiet > 100) {
                    // Nothing to do for a while: sleep briefly (a submit wakes the dispatcher at once).
                    LockSupport.parkNanos(running.isEmpty() ? 10_000_000 : Math.min(200_000, quiet * 1_000L));
                } else {
                    Thread.onSpinWait();
                }
            }
            for (int w : workers) link.send(null, w, PoolWorker.STOP);
            if (spawned) link.disconnect();
            else link.close();
        } catch (RuntimeException | Error failure) {
            running.values().forEach(p -> p.result.completeExceptionally(failure));
            for (Pending p; (p = submitted.poll()) != null; ) p.result.completeExceptionally(failure);
            shutdown = true;
        } finally {
            terminated.countDown();
        }
    }

    private static void runHere(Pending p) {
        List<Object> values = new ArrayList<>(p.tasks.size());
        try {
            for (Callable<?> c : p.tasks) values.add(c.call());
            p.result.complete(values);
        } catch (Throwable t) {
            p.result.completeExceptionally(t);
        }
    }

    // ---- tasks -------------------------------------------------------------------------------

    /** A future of one submitted task; running it here is what a worker does remotely. */
    private static final class RemoteFuture<T> extends CompletableFuture<T> implements RunnableFuture<T> {
        final Callable<T> task;

        RemoteFuture(Callable<T> task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                complete(task.call());
            } catch (Throwable t) {
                completeExceptionally(t);
            }
        }

        @SuppressWarnings("unchecked")
        void settle(List<Object> values, Throwable failure) {
            if (failure != null) {
                completeExceptionally(failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : failure);
            } else {
                complete((T) values.getFirst());
            }
        }
    }

    /** {@code fn(item)}, as a task. */
    private record Apply<T, R>(RemoteFunction<? super T, ? extends R> fn, T item) implements Callable<R>, Serializable {
        @Override
        public R call() throws Exception {
            return fn.apply(item);
        }
    }

    /** {@code fn(a, b)}, as a task. */
    private record ApplyPair<A, B, R>(RemoteBiFunction<? super A, ? super B, ? extends R> fn, A a, B b)
            implements Callable<R>, Serializable {
        @Override
        public R call() throws Exception {
            return fn.apply(a, b);
        }
    }

    /** A runnable as a task with a fixed result. */
    private record RunThen<T>(Runnable runnable, T value) implements Callable<T>, Serializable {
        @Override
        public T call() {
            runnable.run();
            return value;
        }
    }
}
