package hitchhiker.examples.part1;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Param;
import hitchhiker.examples.Variant;
import hitchhiker.process.ProcessPool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * part1.pi: Monte Carlo pi. Throw darts at the unit square; the share landing inside the quarter
 * circle is pi/4. The samples are split into equal blocks, each with its own random stream, and a
 * process pool maps blocks to hit counts: 2 blocks (one per worker) and 16 (more blocks than
 * workers: does it help?).
 */
public final class MonteCarloPi {

    private MonteCarloPi() {
    }

    /** Darts of one block that land in the quarter circle. */
    static long hits(Block block) {
        SplittableRandom random = new SplittableRandom(block.seed());
        long inside = 0;
        for (long i = 0; i < block.samples(); i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            if (x * x + y * y <= 1.0) inside++;
        }
        return inside;
    }

    /** A block of darts and the seed of its random stream. */
    record Block(long samples, long seed) implements java.io.Serializable {
    }

    static List<Block> blocks(long samples, int count) {
        List<Block> blocks = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            blocks.add(new Block(samples / count + (b < samples % count ? 1 : 0), 0x5eed_0000L + b));
        }
        return blocks;
    }

    /** pi from the darts of one block, thrown here. */
    static double serial(long samples) {
        return 4.0 * hits(new Block(samples, 0x5eed_0000L)) / samples;
    }

    /** pi from {@code count} blocks of darts, thrown by the pool's workers. */
    static double pool(ProcessPool pool, long samples, int count) {
        long total = pool.map(MonteCarloPi::hits, blocks(samples, count), 1).stream().mapToLong(Long::longValue).sum();
        return 4.0 * total / samples;
    }

    static final Example EXAMPLE = new ExampleSpec("part1.pi", "Monte Carlo pi with a process pool",
            "Part 1, Monte Carlo pi with Pool.map over blocks",
            List.of(Param.integer("samples", 200_000_000, 1_000, 10_000_000_000L, "darts thrown in all")
                    .workshop(10_000_000).quick(1_000_000)),
            (s, work) -> {
                long samples = s.longValue("samples");
                ProcessPool pool = work.open(new ProcessPool(s.workers()));
                work.add(Variant.serial("serial", () -> serial(samples)));
                for (int count : new int[] {2, 16}) {
                    work.add(Variant.parallel("pool, " + count + " blocks", s.workers(), () -> pool(pool, samples, count)));
                }
                work.result(r -> {
                    s.out().println(String.format(Locale.ROOT, "pi is approximately %.6f (%d samples, 16 blocks)",
                            (Double) r.get("pool, 16 blocks"), samples));
                    return r.all();
                });
                work.check(r -> {
                    List<String> errors = r.eachChecked((name, pi) -> String.format(Locale.ROOT, "%s |pi_hat - pi| = %.5f",
                            name, Math.abs((Double) pi - Math.PI)));
                    boolean ok = r.checked().stream().allMatch(v -> Math.abs((Double) r.get(v.name()) - Math.PI) < 0.01);
                    return Check.of(ok, String.join(", ", errors) + (ok ? " (all < 0.01)" : " (limit 0.01)"));
                });
            });
}
