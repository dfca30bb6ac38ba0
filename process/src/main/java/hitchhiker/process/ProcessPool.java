package hitchhiker.process;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A pool of worker JVMs that run serializable functions, like Python's
 * {@code multiprocessing.Pool}: {@link #map} and {@link #starmap}, the lazy {@link #imap} and
 * {@link #imapUnordered}, {@link #mapAsync} and {@link #starmapAsync} with callbacks, and
 * {@link #apply}, {@link #applyAsync} and {@link #submit} for one task.
 *
 * <p><b>How work flows.</b> Functions are serialized once per pool (and sent once per worker);
 * per task only the arguments travel, in a compact binary form (see {@link Codec}). Tasks wait in
 * one queue in the parent and are handed to the least loaded worker, which is kept about two
 * milliseconds of work ahead (by its measured task time), so tiny tasks are pipelined and long
 * ones are handed out one at a time and balance. Each worker has a reader thread that completes
 * futures and tops the worker up.
 *
 * <p><b>Failures.</b> A task that throws fails only its own future, with a
 * {@link RemoteTaskException} whose cause carries the worker's stack trace. A worker that dies
 * ({@code System.exit}, kill -9, a crash) fails only the task it was running, with a
 * {@link WorkerDiedException} naming the worker and its exit status; tasks queued behind it go to
 * other workers and a replacement starts. A worker that runs out of memory reports the
 * {@link OutOfMemoryError} as its task's failure and is replaced. Workers exit by themselves when
 * this JVM goes away, however it goes. A function or argument that cannot be serialized is
 * rejected with an {@link IllegalArgumentException} naming the class, before anything is sent.
 *
 * <p>Workers are started in parallel; the constructor returns when all are ready. The pool is
 * thread-safe. A pool that becomes unreachable without {@link #close} or {@link #terminate} is
 * found by the garbage collector: its workers are stopped, with a warning on stderr.
 */
public final class ProcessPool implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 60_000;
    /** Inputs {@link #map} encodes before it hands them to the workers. */
    private static final int ENQUEUE_BATCH_INPUTS = 1024;

    private enum State { RUNNING, CLOSING, CLOSED }

    private final int size;
    private final List<String> jvmOptions;
    private final byte[] initializer;

    /**
     * The pool's one guard. It guards the dispatcher (queue and counts), the fields below up to
     * {@link #broken}, both function maps, and the fields of {@link WorkerHandle} and {@link Task}
     * marked as guarded by the pool's lock. {@link #changed} is signalled when a worker becomes
     * ready, the last outstanding task finishes, or the pool breaks. {@link #workers} is
     * copy-on-write: changed under the lock, read without it (pumping, {@link #pids}, the reaper).
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Dispatcher dispatcher;
    private final List<WorkerHandle> workers = new CopyOnWriteArrayList<>();
    private int nextWorkerIndex;
    private long nextTaskId;
    private int ready;
    private State state = State.RUNNING;
    private RuntimeException broken;

    private static final Cleaner CLEANER = Cleaner.create();
    /** How reader threads reach the pool: weakly, so a pool dropped without close can be found. */
    private final WeakReference<ProcessPool> self = new WeakReference<>(this);
    private final AtomicBoolean closedExplicitly = new AtomicBoolean();
    private final Cleaner.Cleanable cleanable;

    /** Functions already serialized, by identity (weakly) and by serialized form; guarded by {@link #lock}. */
    private final Map<Object, Task.FunctionRef> functionsByIdentity = new WeakHashMap<>();
    private final Map<ByteBuffer, Task.FunctionRef> functionsByContent = new HashMap<>();

    /** A pool of {@code workers} worker JVMs. */
    public ProcessPool(int workers) {
        this(builder().workers(workers));
    }

    /** A pool with one worker per available processor. */
    public ProcessPool() {
        this(builder());
    }

    private ProcessPool(Builder b) {
        if (b.workers <= 0) throw new IllegalArgumentException("a process pool needs at least 1 worker, not " + b.workers);
        this.size = b.workers;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.initializer = b.initializer == null ? new byte[0] : Codec.serialize(b.initializer, "the initializer");
        this.dispatcher = new Dispatcher(b.maxTasksPerChild);
        lock.lock();
        try {
            for (int i = 0; i < size; i++) spawnLocked();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
            while (ready < size && broken == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    broken = new IllegalStateException("process pool: workers not ready after " + START_TIMEOUT_MILLIS + " ms");
                    break;
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = new IllegalStateException("interrupted while starting the process pool");
        } finally {
            lock.unlock();
        }
        cleanable = CLEANER.register(this, new Reaper(workers, dispatcher.pending, size, closedExplicitly));
        if (broken != null) {
            RuntimeException failure = broken;
            terminate();
            throw failure;
        }
    }

    /**
     * What runs when a pool becomes unreachable: unless it was closed, a warning (Python's
     * ResourceWarning), the workers stopped, and the tasks still unfinished failed, so that
     * nobody waits for ever on a future of a dropped pool. It holds the workers and the queue of
     * tasks, never the pool.
     */
    private record Reaper(List<WorkerHandle> workers, ArrayDeque<Task> pending, int size, AtomicBoolean closed)
            implements Runnable {
        @Override
        public void run() {
            if (closed.get()) return;
            System.err.println("warning: a ProcessPool of " + size + " workers was dropped without close() or terminate();"
                    + " its workers are stopped (use try-with-resources)");
            List<Task> unfinished = new ArrayList<>(pending);
            for (WorkerHandle w : workers) {
                w.stopRequested = true;
                w.process.destroyForcibly();
                unfinished.addAll(w.sent);
            }
            IllegalStateException dropped = new IllegalStateException("the process pool was dropped without close()");
            for (Task t : unfinished) t.future.completeExceptionally(dropped);
        }
    }

    /** Options beyond the number of workers. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of workers the pool keeps running. */
    public int size() {
        return size;
    }

    /** The process ids of the workers now running. */
    public List<Long> pids() {
        return workers.stream().filter(w -> w.state != WorkerHandle.State.GONE).map(WorkerHandle::pid).toList();
    }

    /**
     * Runs {@code fn(argument)} in a worker. The future fails with a {@link RemoteTaskException} if
     * the function throws and a {@link WorkerDiedException} if its worker dies. It is completed by
     * the thread that reads the worker's results, so actions chained with {@code thenApply} and
     * friends should be quick and must not wait for other tasks of this pool (chain them
     * {@code ...Async} otherwise).
     */
    public <T, R> CompletableFuture<R> submit(SerializableFunction<? super T, ? extends R> fn, T argument) {
        Task task = single(fn, argument);
        @SuppressWarnings("unchecked")
        CompletableFuture<R> result = task.future.thenApply(values -> (R) values[0]);
        return result;
    }

    /** {@link #map(SerializableFunction, Collection, int)} with the automatic chunk size. */
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Collection<? extends T> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        return map(fn, inputs, autoChunksize(inputs.size(), size));
    }

    /**
     * Applies {@code fn} to every input in the workers, {@code chunksize} inputs per message, and
     * returns the results in input order. Throws the first failure in input order (a
     * {@link RemoteTaskException} or {@link WorkerDiedException}) and cancels the chunks not yet
     * started.
     */
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Collection<? extends T> inputs,
                              int chunksize) {
        List<Task> tasks = send(fn, inputs, chunksize);
        List<R> results = new ArrayList<>(inputs.size());
        try {
            for (Task t : tasks) addResults(t, results);
        } catch (RuntimeException e) {
            Task.cancel(tasks);
            throw e;
        }
        return results;
    }

    /**
     * Python's {@code map_async}: {@link #map}, but returns at once with a future of the whole
     * list. The future fails with the first failure to arrive, once every chunk is done.
     */
    public <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
                                                      Collection<? extends T> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        return mapAsync(fn, inputs, autoChunksize(inputs.size(), size), null, null);
    }

    /**
     * {@link #mapAsync(SerializableFunction, Collection)} with a chunk size and callbacks (either may
     * be null): {@code callback} gets the results, {@code errorCallback} the failure, before the
     * future completes, on the thread that read the last result, so they should be quick.
     */
    public <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
                                                      Collection<? extends T> inputs, int chunksize,
                                                      Consumer<? super List<R>> callback,
                                                      Consumer<? super Throwable> errorCallback) {
        return gather(send(fn, inputs, chunksize), inputs.size(), callback, errorCallback);
    }

    /**
     * Python's {@code starmap}: applies a two-argument function to each pair, e.g.
     * {@code pool.starmap(Math::pow, List.of(Map.entry(2.0, 10.0)))}; results in input order.
     */
    public <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                     Collection<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        Objects.requireNonNull(pairs, "inputs");
        return starmap(fn, pairs, autoChunksize(pairs.size(), size));
    }

    /** {@link #starmap(SerializableBiFunction, Collection)} with a chunk size. */
    public <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                     Collection<? extends Map.Entry<? extends A, ? extends B>> pairs, int chunksize) {
        return map(starred(fn), arguments(pairs), chunksize);
    }

    /** Python's {@code starmap_async}: {@link #starmap} returning a future of the whole list at once. */
    public <A, B, R> CompletableFuture<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                             Collection<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        Objects.requireNonNull(pairs, "inputs");
        return starmapAsync(fn, pairs, autoChunksize(pairs.size(), size), null, null);
    }

    /** {@link #starmapAsync(SerializableBiFunction, Collection)} with a chunk size and callbacks, as {@link #mapAsync}. */
    public <A, B, R> CompletableFuture<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                             Collection<? extends Map.Entry<? extends A, ? extends B>> pairs,
                                                             int chunksize, Consumer<? super List<R>> callback,
                                                             Consumer<? super Throwable> errorCallback) {
        return mapAsync(starred(fn), arguments(pairs), chunksize, callback, errorCallback);
    }

    /** Python's {@code apply}: runs {@code fn(argument)} in a worker and waits for the result, throwing its failure. */
    public <T, R> R apply(SerializableFunction<? super T, ? extends R> fn, T argument) {
        Task task = single(fn, argument);
        @SuppressWarnings("unchecked")
        R result = (R) task.await()[0];
        return result;
    }

    /** Python's {@code apply_async}: the same as {@link #submit}. */
    public <T, R> CompletableFuture<R> applyAsync(SerializableFunction<? super T, ? extends R> fn, T argument) {
        return submit(fn, argument);
    }

    /**
     * {@link #applyAsync(SerializableFunction, Object)} with callbacks (either may be null), run
     * before the future completes, as {@link #mapAsync} runs them.
     */
    public <T, R> CompletableFuture<R> applyAsync(SerializableFunction<? super T, ? extends R> fn, T argument,
                                                  Consumer<? super R> callback, Consumer<? super Throwable> errorCallback) {
        Task task = single(fn, argument);
        CompletableFuture<R> result = new CompletableFuture<>();
        task.future.whenComplete((values, e) -> {
            if (e == null) {
                @SuppressWarnings("unchecked")
                R r = (R) values[0];
                runCallback(callback, r);
                result.complete(r);
            } else {
                Throwable cause = unwrap(e);
                runCallback(errorCallback, cause);
                result.completeExceptionally(cause);
            }
        });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) task.future.cancel(false);
        });
        return result;
    }

    private static <A, B, R> SerializableFunction<Object[], R> starred(SerializableBiFunction<? super A, ? super B, ? extends R> fn) {
        if (fn == null) throw new IllegalArgumentException("the function is null");
        return new Starred<>(fn);
    }

    private static List<Object[]> arguments(Collection<? extends Map.Entry<?, ?>> pairs) {
        Objects.requireNonNull(pairs, "inputs");
        List<Object[]> args = new ArrayList<>(pairs.size());
        for (Map.Entry<?, ?> e : pairs) args.add(new Object[]{e.getKey(), e.getValue()});
        return args;
    }

    /** A two-argument function applied to an encoded pair: what {@link #starmap} sends. */
    private record Starred<A, B, R>(SerializableBiFunction<? super A, ? super B, ? extends R> fn)
            implements SerializableFunction<Object[], R> {
        @Override
        @SuppressWarnings("unchecked")
        public R apply(Object[] args) throws Exception {
            return fn.apply((A) args[0], (B) args[1]);
        }
    }

    /**
     * A future of a whole map: complete when every chunk is, failed with the first failure to
     * arrive (Python's rule for {@code map_async}), after the callback for its outcome has run.
     */
    private static <R> CompletableFuture<List<R>> gather(List<Task> tasks, int count, Consumer<? super List<R>> callback,
                                                         Consumer<? super Throwable> errorCallback) {
        CompletableFuture<List<R>> whole = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(tasks.size() + 1);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Runnable oneDone = () -> {
            if (left.decrementAndGet() != 0) return;
            Throwable failure = firstFailure.get();
            if (failure != null) {
                runCallback(errorCallback, failure);
                whole.completeExceptionally(failure);
                return;
            }
            List<R> results = new ArrayList<>(count);
            for (Task t : tasks) addResults(t, results);
            runCallback(callback, results);
            whole.complete(results);
        };
        for (Task t : tasks) {
            t.future.whenComplete((v, e) -> {
                if (e != null) firstFailure.compareAndSet(null, unwrap(e));
                oneDone.run();
            });
        }
        oneDone.run(); // the extra count: an empty map completes here
        whole.whenComplete((v, e) -> {
            if (whole.isCancelled()) Task.cancel(tasks);
        });
        return whole;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Runs a user's callback; its exception is reported, not allowed to stop the pool's reader. */
    private static <V> void runCallback(Consumer<? super V> callback, V value) {
        if (callback == null) return;
        try {
            callback.accept(value);
        } catch (RuntimeException | Error e) {
            System.err.println("process pool: exception in a callback: " + e);
            e.printStackTrace();
        }
    }

    private Task single(SerializableFunction<?, ?> fn, Object argument) {
        Task.FunctionRef ref = functionRef(fn);
        WireBuffer args = new WireBuffer(16);
        Codec.encode(args, argument, "the task's argument");
        Task task = new Task(ref, 1, args.toByteArray(), -1);
        enqueue(List.of(task));
        return task;
    }

    /** Encodes the inputs in chunks and hands them to the workers as it goes; returns the tasks. */
    private List<Task> send(SerializableFunction<?, ?> fn, Collection<?> inputs, int chunksize) {
        Objects.requireNonNull(inputs, "inputs");
        requireChunksize(chunksize);
        Task.FunctionRef ref = functionRef(fn);
        List<Task> tasks = new ArrayList<>(inputs.size() / chunksize + 1);
        Iterator<?> it = inputs.iterator();
        long index = 0;
        int batchStart = 0;
        try {
            while (it.hasNext()) {
                Task t = Task.chunk(ref, it, chunksize, inputs.size() - index, index, null);
                index += t.count;
                tasks.add(t);
                // Send as we go, so workers start while later chunks are still being encoded.
                if (index - tasks.get(batchStart).firstIndex >= ENQUEUE_BATCH_INPUTS) {
                    enqueue(tasks.subList(batchStart, tasks.size()));
                    batchStart = tasks.size();
                }
            }
            enqueue(tasks.subList(batchStart, tasks.size()));
        } catch (RuntimeException e) {
            Task.cancel(tasks);
            throw e;
        }
        return tasks;
    }

    /** {@link #imap(SerializableFunction, Iterable, int)} with one input per message. */
    public <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs) {
        return imap(fn, inputs, 1);
    }

    /**
     * A lazy, ordered map: inputs are read and sent only as results are consumed, with at most
     * {@link #defaultInFlight(int)} chunks sent but not yet consumed, so an endless or huge input
     * does not fill memory.
     */
    public <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
                                   int chunksize) {
        return imap(fn, inputs, chunksize, defaultInFlight(chunksize));
    }

    /** {@link #imap(SerializableFunction, Iterable, int)} with an explicit bound on chunks in flight. */
    public <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
                                   int chunksize, int maxInFlight) {
        return new LazyMap<>(this, fn, inputs, chunksize, maxInFlight, true);
    }

    /** {@link #imapUnordered(SerializableFunction, Iterable, int)} with one input per message. */
    public <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn,
                                            Iterable<? extends T> inputs) {
        return imapUnordered(fn, inputs, 1);
    }

    /** Like {@link #imap}, but yields each chunk's results as soon as that chunk is done. */
    public <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn,
                                            Iterable<? extends T> inputs, int chunksize) {
        return new LazyMap<>(this, fn, inputs, chunksize, defaultInFlight(chunksize), false);
    }

    /**
     * Python's rule: about four chunks per worker, so work balances while per-message costs stay
     * small.
     */
    public static int autoChunksize(int inputs, int workers) {
        if (inputs <= 0) return 1;
        long perChunk = (inputs + 4L * workers - 1) / (4L * workers);
        return (int) Math.max(1, perChunk);
    }

    /** Chunks {@link #imap} keeps in flight: enough to keep every worker's pipe busy. */
    public int defaultInFlight(int chunksize) {
        return (int) Math.max(2L * size, (256L * size + chunksize - 1) / chunksize);
    }

    /** Stops accepting work, waits for every queued task to finish, then stops the workers. */
    @Override
    public void close() {
        closedExplicitly.set(true);
        cleanable.clean();
        lock.lock();
        try {
            if (state == State.RUNNING) state = State.CLOSING;
            while (dispatcher.outstanding > 0 && broken == null && state == State.CLOSING) changed.awaitUninterruptibly();
            state = State.CLOSED;
        } finally {
            lock.unlock();
        }
        stopWorkers(false);
    }

    /** Stops the workers now; tasks not finished fail with {@link CancellationException}. */
    public void terminate() {
        closedExplicitly.set(true);
        if (cleanable != null) cleanable.clean();
        List<Task> unfinished = new ArrayList<>();
        lock.lock();
        try {
            state = State.CLOSED;
            unfinished.addAll(dispatcher.pending);
            dispatcher.pending.clear();
            for (WorkerHandle w : workers) {
                unfinished.addAll(w.sent);
                w.sent.clear();
            }
            dispatcher.outstanding = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        stopWorkers(true);
        for (Task t : unfinished) t.future.completeExceptionally(new CancellationException("process pool terminated"));
    }

    private void stopWorkers(boolean kill) {
        List<WorkerHandle> all;
        lock.lock();
        try {
            all = List.copyOf(workers);
            for (WorkerHandle w : all) w.stopRequested = true;
        } finally {
            lock.unlock();
        }
        for (WorkerHandle w : all) {
            if (kill) w.process.destroyForcibly();
            else w.closeInput();
        }
        for (WorkerHandle w : all) w.awaitExit(kill ? 5_000 : 2_000);
    }

    // ---- submission ----

    Task.FunctionRef functionRef(Object fn) {
        if (fn == null) throw new IllegalArgumentException("the function is null");
        lock.lock();
        try {
            Task.FunctionRef known = functionsByIdentity.get(fn);
            if (known != null) return known;
        } finally {
            lock.unlock();
        }
        // Serialized outside the lock: it runs the function's own serialization code and may be slow.
        byte[] bytes = Codec.serialize(fn, "the task");
        lock.lock();
        try {
            Task.FunctionRef ref = functionsByContent.computeIfAbsent(ByteBuffer.wrap(bytes),
                    k -> new Task.FunctionRef(functionsByContent.size(), bytes));
            functionsByIdentity.put(fn, ref);
            return ref;
        } finally {
            lock.unlock();
        }
    }

    static void requireChunksize(int chunksize) {
        if (chunksize < 1) throw new IllegalArgumentException("chunksize must be at least 1, not " + chunksize);
    }

    void enqueue(List<Task> tasks) {
        lock.lock();
        try {
            if (broken != null) throw new IllegalStateException("process pool is broken: " + broken.getMessage(), broken);
            if (state != State.RUNNING) throw new IllegalStateException("process pool is closed");
            for (Task t : tasks) {
                t.id = nextTaskId++;
                dispatcher.pending.add(t);
            }
            dispatcher.outstanding += tasks.size();
            dispatchLocked();
        } finally {
            lock.unlock();
        }
        pumpAll();
    }

    /** Waits for a task and appends its results, throwing its failure unwrapped. */
    @SuppressWarnings("unchecked")
    private static <R> void addResults(Task t, List<R> into) {
        for (Object v : t.await()) into.add((R) v);
    }

    // ---- dispatch (under the lock) ----

    private void dispatchLocked() {
        for (int retiring = dispatcher.dispatch(workers); retiring > 0; retiring--) spawnLocked();
    }

    private void pumpAll() {
        for (WorkerHandle w : workers) w.pump();
    }

    // ---- workers ----

    private void spawnLocked() {
        int index = nextWorkerIndex++;
        Process process;
        try {
            process = new ProcessBuilder(JvmCommand.worker(jvmOptions, "pool")).start();
        } catch (IOException e) {
            broken = new UncheckedIOException("cannot start worker " + index + ": " + e.getMessage(), e);
            changed.signalAll();
            return;
        }
        WorkerHandle w = new WorkerHandle(index, process);
        workers.add(w);
        JvmCommand.forwardErrors(process, "hhg-worker-" + index);
        WeakReference<ProcessPool> pool = self;
        Thread reader = new Thread(() -> readLoop(pool, w), "hhg-worker-" + index + "-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            w.sendInit(initializer);
        } catch (IOException e) {
            // It died at once; the reader reports how.
        }
    }

    /**
     * A worker's reader thread. It holds the pool only while it handles a frame, so a pool
     * dropped without close becomes unreachable and its {@link Reaper} runs.
     */
    private static void readLoop(WeakReference<ProcessPool> ref, WorkerHandle w) {
        try {
            int type = w.in.read();
            if (type == Protocol.INIT_FAILED) {
                Throwable t = decodeThrowable(readBytes(w));
                ProcessPool pool = ref.get();
                if (pool != null) pool.onInitFailed(w, t);
                return;
            }
            if (type != Protocol.READY) throw new EOFException();
            w.in.readLong();
            ProcessPool started = ref.get();
            if (started == null) return;
            started.onReady(w);
            started = null; // not held while waiting for the next frame
            for (; ; ) {
                type = w.in.read();
                switch (type) {
                    case Protocol.RESULT -> {
                        long id = w.in.readLong();
                        byte[] payload = readBytes(w);
                        ProcessPool pool = ref.get();
                        if (pool == null) return;
                        pool.onResult(w, id, payload, -1);
                    }
                    case Protocol.ERROR -> {
                        long id = w.in.readLong();
                        int index = w.in.readInt();
                        byte[] payload = readBytes(w);
                        ProcessPool pool = ref.get();
                        if (pool == null) return;
                        pool.onResult(w, id, payload, index);
                    }
                    case Protocol.RETIRE -> {
                        ProcessPool pool = ref.get();
                        if (pool == null) return;
                        pool.onRetire(w);
                    }
                    case -1 -> throw new EOFException();
                    default -> throw new IOException("protocol error: frame type " + type + " from " + w.name());
                }
            }
        } catch (IOException | RuntimeException e) {
            ProcessPool pool = ref.get();
            if (pool != null) pool.onExit(w);
        }
    }

    private void onInitFailed(WorkerHandle w, Throwable t) {
        onBroken(new IllegalStateException("the pool's initializer failed in " + w.name() + ": " + t, t));
        lock.lock();
        try {
            w.stopRequested = true; // it exits by itself; nothing more to report
        } finally {
            lock.unlock();
        }
        onExit(w);
    }

    private void onRetire(WorkerHandle w) {
        lock.lock();
        try {
            w.retiredItself = true;
        } finally {
            lock.unlock();
        }
    }

    private static byte[] readBytes(WorkerHandle w) throws IOException {
        byte[] b = new byte[w.in.readInt()];
        w.in.readFully(b);
        return b;
    }

    private void onReady(WorkerHandle w) {
        lock.lock();
        try {
            if (w.state == WorkerHandle.State.STARTING) w.state = WorkerHandle.State.READY;
            ready++;
            dispatchLocked();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        pumpAll();
    }

    private void onResult(WorkerHandle w, long id, byte[] payload, int errorIndex) {
        Task t;
        boolean retire = false;
        lock.lock();
        try {
            t = w.sent.poll();
            if (t == null || t.id != id) {
                throw new IllegalStateException("protocol error: " + w.name() + " answered task " + id);
            }
            long now = System.nanoTime();
            w.observe(now - Math.max(t.sentNanos, w.lastResultNanos));
            w.lastResultNanos = now;
            w.unansweredBytes -= t.frameBytes;
            dispatcher.outstanding--;
            if (w.state == WorkerHandle.State.RETIRING && w.sent.isEmpty()) {
                w.stopRequested = true;
                retire = true;
            }
            dispatchLocked();
            if (dispatcher.outstanding == 0) changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (retire) w.closeInput();
        try {
            if (w.in.available() == 0) pumpAll(); // else: more results waiting, send in one batch later
        } catch (IOException e) {
            pumpAll();
        }
        complete(w, t, payload, errorIndex);
    }

    private static void complete(WorkerHandle w, Task t, byte[] payload, int errorIndex) {
        try {
            if (errorIndex < 0) {
                Object[] values = new Object[t.count];
                WireReader r = new WireReader(payload);
                for (int i = 0; i < values.length; i++) values[i] = Codec.decode(r);
                t.future.complete(values);
            } else {
                String where = "in " + w.name() + (t.firstIndex >= 0 ? " on input #" + (t.firstIndex + errorIndex) : "");
                t.future.completeExceptionally(new RemoteTaskException(where, decodeThrowable(payload)));
            }
        } catch (RuntimeException e) {
            t.future.completeExceptionally(e);
        }
    }

    private static Throwable decodeThrowable(byte[] bytes) {
        try {
            return (Throwable) Codec.deserialize(bytes);
        } catch (RuntimeException e) {
            return new IllegalStateException("an exception that could not be read back: " + e.getMessage());
        }
    }

    private void onBroken(RuntimeException failure) {
        List<Task> failed;
        lock.lock();
        try {
            if (broken == null) broken = failure;
            failed = new ArrayList<>(dispatcher.pending);
            dispatcher.pending.clear();
            dispatcher.outstanding -= failed.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Task t : failed) t.future.completeExceptionally(failure);
    }

    /** A worker's stdout ended: it exited, was stopped, or died. */
    private void onExit(WorkerHandle w) {
        int status = w.awaitExit(5_000);
        Task running = null;
        RuntimeException startFailure = null;
        lock.lock();
        try {
            boolean wasReady = w.state != WorkerHandle.State.STARTING;
            w.state = WorkerHandle.State.GONE;
            w.release();
            workers.remove(w);
            w.outbox.clear();
            // Stopped on purpose: nothing was sent (close, retirement) or it already failed (terminate).
            List<Task> orphans = w.stopRequested ? new ArrayList<>() : new ArrayList<>(w.sent);
            w.sent.clear();
            if (!w.retiredItself && !orphans.isEmpty()) {
                running = orphans.removeFirst();
                dispatcher.outstanding--;
            }
            for (int i = orphans.size() - 1; i >= 0; i--) dispatcher.pending.addFirst(orphans.get(i));
            if (!w.stopRequested) {
                if (!wasReady) {
                    startFailure = new IllegalStateException(w.name() + " exited with status " + status
                            + WorkerDiedException.describe(status) + " before it was ready (its error output is above)");
                } else if (state != State.CLOSED && broken == null) {
                    spawnLocked();
                }
            }
            if (dispatcher.outstanding == 0) changed.signalAll();
            dispatchLocked();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (running != null) running.future.completeExceptionally(new WorkerDiedException(w.name(), status));
        if (startFailure != null) onBroken(startFailure);
        pumpAll();
    }

    /** Options for a {@link ProcessPool}. */
    public static final class Builder {
        private int workers = Runtime.getRuntime().availableProcessors();
        private final List<String> jvmOptions = new ArrayList<>();
        private SerializableRunnable initializer;
        private long maxTasksPerChild;

        private Builder() {
        }

        /** How many worker JVMs (default: available processors). */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Extra options for each worker JVM, e.g. {@code -Xmx256m}. */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** Runs once in each worker when it starts, before any task. */
        public Builder initializer(SerializableRunnable initializer) {
            this.initializer = Objects.requireNonNull(initializer, "initializer");
            return this;
        }

        /** Replaces a worker after it has been sent this many tasks (chunks); 0 means never. */
        public Builder maxTasksPerChild(long tasks) {
            if (tasks < 0) throw new IllegalArgumentException("maxTasksPerChild must be 0 (unlimited) or more, not " + tasks);
            this.maxTasksPerChild = tasks;
            return this;
        }

        /** Starts the workers and waits until every one is ready. */
        public ProcessPool start() {
            return new ProcessPool(this);
        }
    }
}
