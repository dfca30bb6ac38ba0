package hitchhiker.examples.part2;

import hitchhiker.examples.Variant;
import hitchhiker.examples.Work;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Whether the Vector API (the incubating module {@code jdk.incubator.vector}) is in this JVM.
 *
 * <p>The module is only resolved when the JVM is started with
 * {@code --add-modules=jdk.incubator.vector} (the {@code hhg} launcher and the build pass it).
 * Classes that use the Vector API (the {@code *Simd} classes of this package) are only touched
 * when {@link #present()} is true, so without the module they are never loaded and the examples
 * run their scalar variants instead.
 */
public final class VectorSupport {

    /** The line an example prints when it leaves its SIMD variants out. */
    public static final String MISSING_NOTE =
            "Vector API module jdk.incubator.vector is not loaded: running the scalar variants only "
                    + "(start the JVM with --add-modules=jdk.incubator.vector to get the SIMD ones)";

    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {
    }

    /** True when the Vector API can be used. */
    public static boolean present() {
        return PRESENT;
    }

    /**
     * Adds this part's four variants of one kernel, in this order: serial, simd (one thread),
     * parallel and parallel+simd ({@code threads} threads), each computed by {@code body} of its
     * name. Without the Vector API the two simd ones are left out and {@link #MISSING_NOTE} is printed.
     */
    static void addVariants(Work work, int threads, PrintStream out, Function<String, Callable<Object>> body) {
        if (!PRESENT) out.println(MISSING_NOTE);
        work.add(Variant.serial("serial", body.apply("serial")));
        if (PRESENT) work.add(Variant.parallel("simd", 1, body.apply("simd")));
        work.add(Variant.parallel("parallel", threads, body.apply("parallel")));
        if (PRESENT) work.add(Variant.parallel("parallel+simd", threads, body.apply("parallel+simd")));
    }
}
