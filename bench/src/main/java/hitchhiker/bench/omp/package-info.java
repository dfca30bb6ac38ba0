/**
 * Benchmarks of {@code hitchhiker.omp} beside C + OpenMP (libgomp), measured in the same run:
 * {@link hitchhiker.bench.omp.OmpOverheads} (EPCC-style construct and task overheads),
 * {@link hitchhiker.bench.omp.JuliaBench} (part3.julia's kernel, every schedule) and
 * {@link hitchhiker.bench.omp.FibTasksBench} (part3.fib's recursion by tasks, with a cut-off). The C sources in
 * {@code bench/src/main/c} are built with {@code gcc -O3 -fopenmp} at run time when gcc is
 * present; otherwise one line says the C side was skipped and the Java side still runs.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * CP=bench/target/classes:omp/target/classes:examples/target/classes
 * java --add-modules=jdk.incubator.vector -cp $CP hitchhiker.bench.omp.OmpOverheads [threads] [outer] [rounds]
 * java --add-modules=jdk.incubator.vector -cp $CP hitchhiker.bench.omp.JuliaBench [resolution] [threads] [repeats] [rounds]
 * java --add-modules=jdk.incubator.vector -cp $CP hitchhiker.bench.omp.FibTasksBench [n] [cutoff] [threads] [repeats] [rounds]
 * </pre>
 * Run them on a quiet machine: both sides spin while they wait, so other load shows as overhead.
 */
package hitchhiker.bench.omp;
