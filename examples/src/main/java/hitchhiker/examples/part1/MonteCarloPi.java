package hitchhiker.examples.part1;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import hitchhiker.process.ProcessPool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * part1.pi: Monte Carlo pi. Throw darts at the unit square; the share landing inside the quarter
 * circle is pi/4. The samples are split into equal blocks, each with its own random stream, and a
 * process pool maps blocks to hit counts: 2 blocks (one per worker) and 16 (more blocks than
 * workers: does it help?).
 */
public final class MonteCarloPi implements Example {

    @Override
    public String id() {
        return "part1.pi";
    }

    @Override
    public String title() {
        return "Monte Carlo pi with a process pool";
    }

    @Override
    public String mirrors() {
        return "Part 1, Monte Carlo pi with Pool.map over blocks";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.integer("samples", 200_000_000, 1_000, 10_000_000_000L, "darts thrown in all")
                .workshop(10_000_000).quick(1_000_000));
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

    static double estimate(long hits, long samples) {
        return 4.0 * hits / samples;
    }

    @Override
    public Workload prepare(Settings settings) {
        long samples = settings.longValue("samples");
        int workers = settings.workers();
        ProcessPool pool = new ProcessPool(workers);
        return new Workload() {
            @Override
            public List<Variant> variants() {
                List<Variant> variants = new ArrayList<>();
                variants.add(Variant.serial("serial", () -> estimate(hits(new Block(samples, 0x5eed_0000L)), samples)));
                for (int count : new int[]{2, 16}) {
                    variants.add(Variant.parallel("pool, " + count + " blocks", workers, () -> {
                        long total = pool.map(MonteCarloPi::hits, blocks(samples, count), 1)
                                .stream().mapToLong(Long::longValue).sum();
                        return estimate(total, samples);
                    }));
                }
                return variants;
            }

            @Override
            public Object result(Results results) {
                Map<String, Object> estimates = new LinkedHashMap<>(results.all());
                settings.out().println(String.format(Locale.ROOT, "pi is approximately %.6f (%d samples, 16 blocks)",
                        (Double) results.get("pool, 16 blocks"), samples));
                return estimates;
            }

            @Override
            public Check check(Results results) {
                StringBuilder detail = new StringBuilder();
                boolean ok = true;
                for (Variant v : results.checked()) {
                    double error = Math.abs((Double) results.get(v.name()) - Math.PI);
                    ok &= error < 0.01;
                    detail.append(String.format(Locale.ROOT, "%s%s |pi_hat - pi| = %.5f", detail.isEmpty() ? "" : ", ",
                            v.name(), error));
                }
                return Check.of(ok, detail + (ok ? " (all < 0.01)" : " (limit 0.01)"));
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }
}
