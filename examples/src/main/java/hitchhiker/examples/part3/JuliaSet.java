package hitchhiker.examples.part3;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Param;
import hitchhiker.examples.Variant;
import hitchhiker.omp.Omp;
import hitchhiker.omp.Schedule;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Julia set of {@code z -> z^2 + c} on a {@code (resolution+1)^2} grid over
 * {@code [-bound, bound]^2}: each point counts the iterations until {@code |z| >= z_max}, at most
 * {@code n_max}. Points inside the set cost {@code n_max} iterations, points far outside one or
 * two, so rows cost very different amounts: the classic workload for comparing loop schedules.
 * The rows are shared among threads with {@code static} (one block each), {@code static,1}
 * (round-robin rows), {@code dynamic,1} (a row at a time, first come first served) and
 * {@code guided}. Every parallel variant must give exactly the serial counts.
 *
 * <p>{@code julia_fraction} is the fraction of points that reached {@code n_max}: 0.237197 at the
 * defaults. A PNG of {@code log(counts)} is written to the output directory, as the notebook's
 * {@code imshow(log(counts))} would show it.
 */
public final class JuliaSet {

    /** The notebook's julia_fraction at resolution 2000, with the other parameters at their defaults. */
    static final double DEFAULT_FRACTION = 0.237197;

    /** julia_fraction at the default parameters, by resolution: the notebook's, and ours computed once serially. */
    static final Map<Integer, Double> KNOWN_FRACTIONS = Map.of(2000, DEFAULT_FRACTION, 1000, 0.236995);
    static final List<Schedule> SCHEDULES = List.of(Schedule.STATIC, Schedule.staticChunks(1), Schedule.dynamic(1),
            Schedule.GUIDED);

    private JuliaSet() {
    }

    /**
     * The grid and the iteration's constants.
     *
     * @param resolution grid intervals per axis; the grid has {@code resolution + 1} points per axis
     */
    public record Grid(int resolution, double cRe, double cIm, double bound, double zMax, int nMax) {

        /** The notebook's defaults at the given resolution. */
        public static Grid defaults(int resolution) {
            return new Grid(resolution, 0.322, 0.05, 1.5, 4.0, 1000);
        }

        /** Points per axis. */
        public int side() {
            return resolution + 1;
        }
    }

    /** Fills rows {@code [lo, hi)} of {@code counts} (row-major, {@code side} points per row). */
    public static void rows(Grid g, int[] counts, int lo, int hi) {
        int side = g.side();
        double step = 2.0 * g.bound() / g.resolution();
        double limit = g.zMax() * g.zMax();
        double cr = g.cRe(), ci = g.cIm();
        int nMax = g.nMax();
        for (int i = lo; i < hi; i++) {
            double re = -g.bound() + i * step;
            int row = i * side;
            for (int j = 0; j < side; j++) {
                double zr = re;
                double zi = -g.bound() + j * step;
                int n = 0;
                while (zr * zr + zi * zi < limit && n < nMax) {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    n++;
                }
                counts[row + j] = n;
            }
        }
    }

    /**
     * The whole grid on the calling thread, a row per call: the JIT then compiles {@link #rows}
     * as a method after a few hundred rows, instead of replacing one long-running call on the fly
     * (on-stack replacement), which made the first call several times slower.
     */
    public static void serial(Grid g, int[] counts) {
        for (int i = 0, side = g.side(); i < side; i++) rows(g, counts, i, i + 1);
    }

    /** The grid's rows shared among {@code threads} threads by {@code schedule}. */
    public static void parallel(Grid g, int[] counts, int threads, Schedule schedule) {
        Omp.parallel(threads).loop(0, g.side(), schedule, (int lo, int hi) -> rows(g, counts, lo, hi));
    }

    /** The fraction of points that reached {@code n_max} (inside the set, as far as we looked). */
    public static double fraction(Grid g, int[] counts) {
        long inside = 0;
        for (int c : counts) if (c == g.nMax()) inside++;
        return (double) inside / counts.length;
    }

    /** A grey PNG of {@code log(counts)} in {@code dir}, as the notebook's {@code imshow(log(counts))} shows it. */
    static Optional<Path> writeImage(Grid g, int[] counts, Path dir, PrintStream out) {
        if (dir == null) return Optional.empty();
        int side = g.side();
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        double scale = 255 / Math.log(Math.max(2, g.nMax()));
        // counts[i][j]: i is the real axis; imshow puts the first index down the rows, as here.
        for (int k = 0; k < counts.length; k++) {
            pixels[k] = (byte) Math.min(255, (int) (Math.log(Math.max(1, counts[k])) * scale));
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("part3-julia.png");
            ImageIO.write(img, "png", file.toFile());
            return Optional.of(file);
        } catch (IOException e) {
            out.println("could not write the image to " + dir + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static double round6(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    static final Example EXAMPLE = new ExampleSpec("part3.julia",
            "Julia set: serial against parallel loops with static, static,1, dynamic,1 and guided schedules",
            "Part 3 (Cython + OpenMP), compute_julia with prange and its schedules",
            List.of(Param.integer("resolution", 1000, 2, 20_000, "grid intervals per axis ((resolution+1)^2 points)")
                            .workshop(2000).quick(400),
                    Param.real("c_re", 0.322, -2, 2, "real part of c"),
                    Param.real("c_im", 0.05, -2, 2, "imaginary part of c"),
                    Param.real("bound", 1.5, 0.01, 10, "the grid spans [-bound, bound] on both axes"),
                    Param.real("z_max", 4.0, 0.01, 1e6, "escape radius"),
                    Param.integer("n_max", 1000, 1, 1_000_000, "iterations at most per point"),
                    Param.text("schedule", "all", "all, or one OpenMP schedule: static, static,N, dynamic[,N], guided[,N], auto, runtime (OMP_SCHEDULE)",
                            text -> text.equalsIgnoreCase("all") ? "all" : Schedule.parse(text).toString(),
                            "which parallel schedules to time")),
            (s, work) -> {
                Grid g = new Grid(s.intValue("resolution"), s.doubleValue("c_re"), s.doubleValue("c_im"),
                        s.doubleValue("bound"), s.doubleValue("z_max"), s.intValue("n_max"));
                List<Schedule> schedules = s.text("schedule").equals("all") ? SCHEDULES : List.of(Schedule.parse(s.text("schedule")));
                int cells = Math.multiplyExact(g.side(), g.side());
                // One array per variant, reused across runs: we time the loop, not page faults.
                int[] serial = new int[cells];
                work.add(Variant.serial("serial", () -> {
                    serial(g, serial);
                    return serial;
                }));
                for (Schedule schedule : schedules) {
                    int[] counts = new int[cells];
                    work.add(Variant.parallel(schedule.toString(), s.threads(), () -> {
                        parallel(g, counts, s.threads(), schedule);
                        return counts;
                    }));
                }
                work.result(r -> {
                    double fraction = fraction(g, serial);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("julia_fraction", round6(fraction));
                    out.put("points", serial.length);
                    s.out().printf(Locale.ROOT, "julia_fraction = %.6f (%d points)%n", fraction, serial.length);
                    writeImage(g, serial, s.outputDir(), s.out()).ifPresent(p -> out.put("image", p.toString()));
                    return out;
                });
                work.check(r -> {
                    List<String> differ = r.eachChecked((name, counts) -> Arrays.equals(serial, (int[]) counts) ? null : name);
                    double fraction = round6(fraction(g, serial));
                    Double known = g.equals(Grid.defaults(g.resolution())) ? KNOWN_FRACTIONS.get(g.resolution()) : null;
                    String detail = "counts of " + schedules.stream().map(Schedule::toString).toList()
                            + (differ.isEmpty() ? " equal serial" : ": " + differ + " differ from serial")
                            + "; julia_fraction " + fraction
                            + (known != null ? " (expected " + known + ")" : "");
                    return Check.of(differ.isEmpty() && (known == null || fraction == known), detail);
                });
            });
}
