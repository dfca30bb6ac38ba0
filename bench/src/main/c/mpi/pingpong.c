/*
 * Ping-pong between ranks 0 and 1 over MPI, the C reference for the Java binding's benchmark
 * (hitchhiker.bench.mpi.ffm.PingPong runs the same loops through java.lang.foreign).
 *
 *   mpirun -np 2 ./pingpong SIZE ROUND_TRIPS REPEATS [SIZE ROUND_TRIPS REPEATS ...]
 *
 * For each size: three untimed repeats (as the Java side, whose JIT needs them), then REPEATS timed repeats of ROUND_TRIPS round trips; rank 0
 * prints one line per size with the one-way time of every repeat (half a round trip), in the
 * format the Java side prints:  pingpong c bytes=N oneway_us=t1,t2,...
 * Buffers are page-aligned and touched before timing; the thread level asked is the same as the
 * Java backend's default (MPI_THREAD_MULTIPLE) so both run the library in the same mode.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void repeat(char *buf, long bytes, long trips, int rank) {
    MPI_Status st;
    for (long i = 0; i < trips; i++) {
        if (rank == 0) {
            MPI_Send(buf, (int) bytes, MPI_BYTE, 1, 1, MPI_COMM_WORLD);
            MPI_Recv(buf, (int) bytes, MPI_BYTE, 1, 1, MPI_COMM_WORLD, &st);
        } else {
            MPI_Recv(buf, (int) bytes, MPI_BYTE, 0, 1, MPI_COMM_WORLD, &st);
            MPI_Send(buf, (int) bytes, MPI_BYTE, 0, 1, MPI_COMM_WORLD);
        }
    }
}

int main(int argc, char **argv) {
    int provided, rank, size;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size != 2 || argc < 4 || (argc - 1) % 3 != 0) {
        if (rank == 0) fprintf(stderr, "usage: mpirun -np 2 pingpong SIZE ROUND_TRIPS REPEATS [...]\n");
        MPI_Finalize();
        return 2;
    }
    for (int a = 1; a + 2 < argc; a += 3) {
        long bytes = atol(argv[a]), trips = atol(argv[a + 1]);
        int repeats = atoi(argv[a + 2]);
        char *buf;
        if (posix_memalign((void **) &buf, 4096, bytes > 0 ? bytes : 1) != 0) MPI_Abort(MPI_COMM_WORLD, 1);
        memset(buf, rank, bytes);
        for (int warm = 0; warm < 3; warm++) repeat(buf, bytes, trips, rank);
        if (rank == 0) printf("pingpong c bytes=%ld oneway_us=", bytes);
        for (int r = 0; r < repeats; r++) {
            MPI_Barrier(MPI_COMM_WORLD);
            double t0 = MPI_Wtime();
            repeat(buf, bytes, trips, rank);
            double oneway = (MPI_Wtime() - t0) / (2.0 * trips);
            if (rank == 0) printf("%s%.4f", r ? "," : "", oneway * 1e6);
        }
        if (rank == 0) { printf("\n"); fflush(stdout); }
        free(buf);
    }
    MPI_Finalize();
    return 0;
}
