package hitchhiker.cli;

import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;

import java.util.List;

/** Small examples for testing the command line without real workloads. */
final class FakeExamples {

    private FakeExamples() {
    }

    static Catalogue catalogue() {
        return new Catalogue(List.of(new Sum(), new Broken(), new WrongAnswer()));
    }

    /** Sums 1..n serially and in two halves; checks against n(n+1)/2. */
    static final class Sum implements Example {
        public String id() { return "part1.sum"; }
        public String title() { return "sum of 1..n"; }
        public String mirrors() { return "a test"; }
        public List<Param> params() {
            return List.of(Param.integer("n", 1000, 1, 1_000_000, "how many numbers").quick(10L),
                    Param.choice("mode", "plain", List.of("plain", "fancy"), "a choice"));
        }
        public Workload prepare(Settings s) {
            long n = s.longValue("n");
            s.out().println("summing to " + n);
            return new Workload() {
                public List<Variant> variants() {
                    return List.of(Variant.serial("serial", () -> sum(1, n)),
                            Variant.parallel("halves", 2, () -> sum(1, n / 2) + sum(n / 2 + 1, n)),
                            Variant.wrong("off-by-one", 2, () -> sum(1, n - 1)));
                }
                public Object result(Results r) { return r.serial(); }
                public Check check(Results r) {
                    long expected = n * (n + 1) / 2;
                    boolean ok = r.checked().stream().allMatch(v -> r.get(v.name()).equals(expected));
                    return Check.of(ok, "sum " + r.serial() + " (expected " + expected + ")");
                }
            };
        }
        static long sum(long lo, long hi) {
            long s = 0;
            for (long i = lo; i <= hi; i++) s += i;
            return s;
        }
    }

    /** A parallel variant that throws. */
    static final class Broken implements Example {
        public String id() { return "part2.broken"; }
        public String title() { return "a variant throws"; }
        public String mirrors() { return "a test"; }
        public List<Param> params() { return List.of(); }
        public Workload prepare(Settings s) {
            return new Workload() {
                public List<Variant> variants() {
                    return List.of(Variant.serial("serial", () -> 1),
                            Variant.parallel("parallel", 2, () -> { throw new IllegalStateException("boom"); }));
                }
                public Object result(Results r) { return r.serial(); }
                public Check check(Results r) { return Check.pass("never reached"); }
            };
        }
    }

    /** Computes a wrong answer, so its check fails. */
    static final class WrongAnswer implements Example {
        public String id() { return "part3.wrong"; }
        public String title() { return "a check that fails"; }
        public String mirrors() { return "a test"; }
        public List<Param> params() { return List.of(); }
        public Workload prepare(Settings s) {
            return new Workload() {
                public List<Variant> variants() { return List.of(Variant.serial("serial", () -> 41)); }
                public Object result(Results r) { return r.serial(); }
                public Check check(Results r) { return Check.of(r.serial().equals(42), "got " + r.serial() + ", expected 42"); }
            };
        }
    }
}
