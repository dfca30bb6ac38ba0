/**
 * Message passing after mpi4py: {@link hitchhiker.mpi.Mpi} (world, self, parent),
 * {@link hitchhiker.mpi.Comm} (object messages: send/recv/bcast/...; buffer messages:
 * sendBuffer/recvBuffer/bcastBuffer/...), {@link hitchhiker.mpi.Buffer}, {@link hitchhiker.mpi.Op},
 * {@link hitchhiker.mpi.Request}, {@link hitchhiker.mpi.Status}. Backends sit under it through
 * {@link hitchhiker.mpi.spi}; the embedded one and its launcher are in
 * {@link hitchhiker.mpi.embedded}.
 */
package hitchhiker.mpi;
