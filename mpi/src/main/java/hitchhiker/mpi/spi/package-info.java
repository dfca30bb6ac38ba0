/**
 * The backend SPI: what a message-passing runtime must provide under the {@code hitchhiker.mpi}
 * API. A backend implements {@link hitchhiker.mpi.spi.Backend} (world, self, parent, finish) and
 * {@link hitchhiker.mpi.spi.Channel} (one communicator: byte-level point-to-point with tag and
 * source matching, probe, nonblocking {@link hitchhiker.mpi.spi.Request}s, collectives with
 * defaults over point-to-point, split, spawn, disconnect), and registers a
 * {@link hitchhiker.mpi.spi.BackendProvider}. The API layer does argument checking, object
 * serialization and typed buffers, so a backend only moves bytes.
 */
package hitchhiker.mpi.spi;
