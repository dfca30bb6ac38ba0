/**
 * A pool of MPI processes behind {@link java.util.concurrent.ExecutorService} (mpi4py's
 * {@code mpi4py.futures}): {@link hitchhiker.mpi.futures.MpiPoolExecutor} sends serializable
 * tasks to worker ranks, spawned or the ranks of an {@code mpirun}, and gives back futures.
 */
package hitchhiker.mpi.futures;
