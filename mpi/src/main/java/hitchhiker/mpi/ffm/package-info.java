/**
 * The native backend of {@code hitchhiker.mpi}: the system's Open MPI, called through the Foreign
 * Function &amp; Memory API (no JNI, no build step). A program started by Open MPI's
 * {@code mpirun} gets it automatically ({@link hitchhiker.mpi.ffm.NativeProvider}); the same
 * program started by {@code hhg mpirun}, or alone, runs on the embedded transport.
 *
 * <p><b>Running.</b> On one machine or a cluster, every rank runs the program once:
 * <pre>
 *   mpirun -np 64 ./hhg exec part4.pi n=10000000
 *   mpirun -np 4 --hostfile hosts java --enable-native-access=ALL-UNNAMED \
 *       -cp "cli/target/hhg.jar:cli/target/lib/*" hitchhiker.mpi.RankMain hitchhiker.examples.part4.Pi$Program n=10000000
 * </pre>
 * As root (containers, CI) add {@code --allow-run-as-root}; with more ranks than cores add
 * {@code --oversubscribe} and, so that busy-polling ranks let others run (spawn),
 * {@code --mca mpi_yield_when_idle 1}.
 *
 * <p><b>Settings.</b> {@code HHG_MPI_LIBRARY} (or {@code -Dhhg.mpi.library}) names the library
 * when it is not {@code libmpi.so.40} on the loader's path; {@code HHG_MPI_THREAD_LEVEL}
 * ({@code single}, {@code funneled}, {@code serialized}, {@code multiple}; default
 * {@code multiple}) is the level asked of MPI_Init_thread. {@link hitchhiker.mpi.ffm.NativeMpi#check()}
 * says whether the backend can run here and why not.
 *
 * <p><b>Structure.</b> {@link hitchhiker.mpi.ffm.MpiAbi} / {@link hitchhiker.mpi.ffm.OpenMpiAbi}
 * hold every binary detail of an implementation (handles, status layout, constants);
 * {@code NativeMpiLibrary} opens the library with {@code RTLD_GLOBAL}; {@code LibMpi} holds the
 * downcall handles; {@code NativeBackend} and {@code NativeChannel} implement the SPI;
 * {@link hitchhiker.mpi.ffm.Mpirun} runs jobs from Java for tests and benchmarks.
 */
package hitchhiker.mpi.ffm;
