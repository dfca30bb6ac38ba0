/*
 * EPCC-style overheads of OpenMP constructs with libgomp, the C side of
 * hitchhiker.bench.omp.OmpOverheads (same constructs, same method, same delay).
 *
 * For each construct: time `inner` repetitions of the construct wrapped around a short delay,
 * subtract the time of the same delays run by one thread, divide by `inner`; repeat `outer`
 * times and print the median, in microseconds per construct:  <name> <microseconds>
 *
 * Build: gcc -O3 -fopenmp omp_overheads.c -o omp_overheads
 * Usage: omp_overheads <threads> <delay iterations> <outer reps> <target ms per test>
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

static int delay_len;
static volatile float sink;

static void delay(void) {
    float a = 0.0f;
    for (int i = 0; i < delay_len; i++) a += (float) i;
    if (a < 0) sink = a;
}

static int cmp(const void *x, const void *y) {
    double a = *(const double *) x, b = *(const double *) y;
    return a < b ? -1 : a > b;
}

static int nthreads, outer, inner;
static double reference_us;

typedef void (*test_fn)(int reps);

static double per_rep_us(test_fn f, int reps) {
    double t0 = omp_get_wtime();
    f(reps);
    return (omp_get_wtime() - t0) * 1e6 / reps;
}

static double median(test_fn f, int reps) {
    double *t = malloc(sizeof(double) * outer);
    f(reps); /* warm-up */
    for (int k = 0; k < outer; k++) t[k] = per_rep_us(f, reps);
    qsort(t, outer, sizeof(double), cmp);
    double m = t[outer / 2];
    free(t);
    return m;
}

static void ref(int reps) { for (int j = 0; j < reps; j++) delay(); }

static void t_parallel(int reps) {
    for (int j = 0; j < reps; j++) {
#pragma omp parallel num_threads(nthreads)
        delay();
    }
}

static void t_for(int reps) {
#pragma omp parallel num_threads(nthreads)
    for (int j = 0; j < reps; j++) {
#pragma omp for schedule(static)
        for (int i = 0; i < nthreads; i++) delay();
    }
}

static void t_parallel_for(int reps) {
    for (int j = 0; j < reps; j++) {
#pragma omp parallel for num_threads(nthreads) schedule(static)
        for (int i = 0; i < nthreads; i++) delay();
    }
}

static void t_barrier(int reps) {
#pragma omp parallel num_threads(nthreads)
    for (int j = 0; j < reps; j++) {
        delay();
#pragma omp barrier
    }
}

static void t_single(int reps) {
#pragma omp parallel num_threads(nthreads)
    for (int j = 0; j < reps; j++) {
#pragma omp single
        delay();
    }
}

static void t_critical(int reps) {
#pragma omp parallel num_threads(nthreads)
    for (int j = 0; j < reps / nthreads; j++) {
#pragma omp critical
        delay();
    }
}

static volatile int reduction_sink;

static void t_reduction(int reps) {
    for (int j = 0; j < reps; j++) {
        int a = 0;
#pragma omp parallel for num_threads(nthreads) schedule(static) reduction(+ : a)
        for (int i = 0; i < nthreads; i++) {
            delay();
            a += 1;
        }
        reduction_sink = a;
    }
}

#define ITERS_PER_THREAD 64

static void t_dynamic1(int reps) {
#pragma omp parallel num_threads(nthreads)
    for (int j = 0; j < reps; j++) {
#pragma omp for schedule(dynamic, 1)
        for (int i = 0; i < ITERS_PER_THREAD * nthreads; i++) delay();
    }
}

static void ref_dynamic1(int reps) {
    for (int j = 0; j < reps; j++)
        for (int i = 0; i < ITERS_PER_THREAD; i++) delay();
}

/* Tasks (after EPCC's taskbench): every repetition gives every thread one delay's work. */

static void t_task(int reps) {
#pragma omp parallel num_threads(nthreads)
    for (int j = 0; j < reps; j++) {
#pragma omp task
        delay();
    }
}

static void t_master_task(int reps) {
#pragma omp parallel num_threads(nthreads)
#pragma omp master
    for (int j = 0; j < reps * nthreads; j++) {
#pragma omp task
        delay();
    }
}

static void t_taskwait(int reps) {
#pragma omp parallel num_threads(nthreads)
    for (int j = 0; j < reps; j++) {
#pragma omp task
        delay();
#pragma omp taskwait
    }
}

static void t_taskgroup(int reps) {
#pragma omp parallel num_threads(nthreads)
    for (int j = 0; j < reps; j++) {
#pragma omp taskgroup
        {
#pragma omp task
            delay();
        }
    }
}

static void report(const char *name, test_fn f, test_fn reference) {
    double r = reference == ref ? reference_us : median(reference, inner);
    printf("%s %.4f\n", name, median(f, inner) - r);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s threads delay outer target_ms\n", argv[0]);
        return 2;
    }
    nthreads = atoi(argv[1]);
    delay_len = atoi(argv[2]);
    outer = atoi(argv[3]);
    double target_us = atof(argv[4]) * 1000;
    /* inner reps: enough for the target time with a construct of about 1 us plus the delay */
    double d = per_rep_us(ref, 100000);
    inner = (int) (target_us / (d + 1.0));
    if (inner < 10) inner = 10;
    reference_us = median(ref, inner);
    printf("delay_us %.4f\n", reference_us);
    report("parallel", t_parallel, ref);
    report("for", t_for, ref);
    report("parallel_for", t_parallel_for, ref);
    report("barrier", t_barrier, ref);
    report("single", t_single, ref);
    report("critical", t_critical, ref);
    report("reduction", t_reduction, ref);
    report("dynamic_1", t_dynamic1, ref_dynamic1);
    report("task", t_task, ref);
    report("master_task", t_master_task, ref);
    report("taskwait", t_taskwait, ref);
    report("taskgroup", t_taskgroup, ref);
    return 0;
}
