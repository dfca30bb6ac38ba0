/*
 * OpenMP's classic task example, the C side of hitchhiker.bench.omp.FibTasksBench: the doubly
 * recursive fib(n), serially and with one task per call at or above a cut-off, timed in the same
 * way as the Java side (the median of `repeats` runs, after one warm-up run each).
 *
 * Build: gcc -O3 -fopenmp fib_tasks.c -o fib_tasks
 * Usage: fib_tasks <n> <cutoff> <repeats>      (threads: OMP_NUM_THREADS)
 * Prints: serial_ms <ms>, tasks_ms <ms>, and the value: fib <value>
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

static long fib_serial(int n) {
    return n < 2 ? n : fib_serial(n - 1) + fib_serial(n - 2);
}

static long fib_tasks(int n, int cutoff) {
    if (n < cutoff) return fib_serial(n);
    long x, y;
#pragma omp task shared(x)
    x = fib_tasks(n - 1, cutoff);
    y = fib_tasks(n - 2, cutoff);
#pragma omp taskwait
    return x + y;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static volatile long sink;

static double time_ms(int tasks, int n, int cutoff) {
    double t0 = omp_get_wtime();
    long v;
    if (tasks) {
#pragma omp parallel
#pragma omp single
        v = fib_tasks(n, cutoff);
    } else {
        v = fib_serial(n);
    }
    sink = v;
    return (omp_get_wtime() - t0) * 1e3;
}

static double median_ms(int tasks, int n, int cutoff, int repeats) {
    double *t = malloc(sizeof(double) * repeats);
    time_ms(tasks, n, cutoff); /* warm-up */
    for (int k = 0; k < repeats; k++) t[k] = time_ms(tasks, n, cutoff);
    qsort(t, repeats, sizeof(double), cmp);
    double m = t[repeats / 2];
    free(t);
    return m;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s n cutoff repeats\n", argv[0]);
        return 2;
    }
    int n = atoi(argv[1]), cutoff = atoi(argv[2]), repeats = atoi(argv[3]);
    printf("serial_ms %.3f\n", median_ms(0, n, cutoff, repeats));
    printf("tasks_ms %.3f\n", median_ms(1, n, cutoff, repeats));
    printf("fib %ld\n", sink);
    return 0;
}
