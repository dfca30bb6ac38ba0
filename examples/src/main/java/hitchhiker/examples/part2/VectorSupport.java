package hitchhiker.examples.part2;

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
}
