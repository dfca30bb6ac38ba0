/*
 * The Julia set kernel of part3.julia in C + OpenMP, the reference for
 * hitchhiker.bench.omp.JuliaBench: the same grid, the same iteration, the rows shared by the same
 * schedules. Each chosen variant runs once as a warm-up, then `repeats` times; prints per variant:
 *     <variant> <median seconds> <sum of counts> <julia fraction>
 *
 * Build: gcc -O3 -fopenmp julia.c -o julia
 * Usage: julia <resolution> <threads> <repeats> [variant: serial, static, static,1, dynamic,1, guided; default all]
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double C_RE = 0.322, C_IM = 0.05, BOUND = 1.5, Z_MAX = 4.0;
static const int N_MAX = 1000;

static void rows(int resolution, int *counts, int lo, int hi) {
    int side = resolution + 1;
    double step = 2.0 * BOUND / resolution, limit = Z_MAX * Z_MAX;
    for (int i = lo; i < hi; i++) {
        double re = -BOUND + i * step;
        for (int j = 0; j < side; j++) {
            double zr = re, zi = -BOUND + j * step;
            int n = 0;
            while (zr * zr + zi * zi < limit && n < N_MAX) {
                double t = zr * zr - zi * zi + C_RE;
                zi = 2 * zr * zi + C_IM;
                zr = t;
                n++;
            }
            counts[i * side + j] = n;
        }
    }
}

static void parallel(int resolution, int *counts, int threads) {
    int side = resolution + 1;
#pragma omp parallel for num_threads(threads) schedule(runtime)
    for (int i = 0; i < side; i++) rows(resolution, counts, i, i + 1);
}

static int cmp(const void *x, const void *y) {
    double a = *(const double *) x, b = *(const double *) y;
    return a < b ? -1 : a > b;
}

static void report(const char *name, double *t, int repeats, int *counts, long cells) {
    qsort(t, repeats, sizeof(double), cmp);
    long sum = 0, inside = 0;
    for (long k = 0; k < cells; k++) {
        sum += counts[k];
        if (counts[k] == N_MAX) inside++;
    }
    printf("%s %.6f %ld %.6f\n", name, t[repeats / 2], sum, (double) inside / cells);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: %s resolution threads repeats [variant]\n", argv[0]);
        return 2;
    }
    const char *only = argc == 5 ? argv[4] : NULL;
    int resolution = atoi(argv[1]), threads = atoi(argv[2]), repeats = atoi(argv[3]);
    long cells = (long) (resolution + 1) * (resolution + 1);
    int *counts = malloc(sizeof(int) * cells);
    double *t = malloc(sizeof(double) * repeats);
    memset(counts, 0, sizeof(int) * cells);

    if (!only || strcmp(only, "serial") == 0) {
        for (int r = -1; r < repeats; r++) {
            double t0 = omp_get_wtime();
            rows(resolution, counts, 0, resolution + 1);
            if (r >= 0) t[r] = omp_get_wtime() - t0;
        }
        report("serial", t, repeats, counts, cells);
    }

    struct { const char *name; omp_sched_t kind; int chunk; } schedules[] = {
        {"static", omp_sched_static, 0},
        {"static,1", omp_sched_static, 1},
        {"dynamic,1", omp_sched_dynamic, 1},
        {"guided", omp_sched_guided, 1},
    };
    for (int s = 0; s < 4; s++) {
        if (only && strcmp(only, schedules[s].name) != 0) continue;
        omp_set_schedule(schedules[s].kind, schedules[s].chunk);
        for (int r = -1; r < repeats; r++) {
            double t0 = omp_get_wtime();
            parallel(resolution, counts, threads);
            if (r >= 0) t[r] = omp_get_wtime() - t0;
        }
        report(schedules[s].name, t, repeats, counts, cells);
    }
    free(counts);
    free(t);
    return 0;
}
