package hitchhiker.examples.part3;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;

import java.math.BigInteger;
import java.util.List;

/**
 * The tutorial's first Cython cell: a Fibonacci loop, once with Python's arbitrary-precision
 * integers and once with a C {@code long}. In Java the same contrast is {@link BigInteger} (a new
 * object per addition, like Python's int) against a primitive {@code long} the JIT keeps in a
 * register. A long holds Fibonacci numbers up to fib(92).
 */
public final class Fib implements Example {

    /** fib(90), the notebook's value. */
    static final long FIB_90 = 2880067194370816120L;

    @Override
    public String id() {
        return "part3.fib";
    }

    @Override
    public String title() {
        return "Fibonacci: a typed long loop against arbitrary-precision integers";
    }

    @Override
    public String mirrors() {
        return "Part 3 (Cython + OpenMP), the typed fib function";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.integer("n", 90, 0, 92, "which Fibonacci number (a long overflows after 92)"));
    }

    /** fib(n) with primitive longs: fib(0) = 0, fib(1) = 1. */
    public static long fib(int n) {
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }

    /** fib(n) with arbitrary-precision integers, as Python computes it. */
    public static BigInteger fibBig(int n) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public Workload prepare(Settings settings) {
        int n = settings.intValue("n");
        return new Workload() {
            @Override
            public List<Variant> variants() {
                return List.of(Variant.serial("long", () -> fib(n)),
                        Variant.serial("BigInteger (like Python's int)", () -> fibBig(n).longValueExact()));
            }

            @Override
            public Object result(Results results) {
                long v = results.get("long", Long.class);
                settings.out().println("fib(" + n + ") = " + v);
                return v;
            }

            @Override
            public Check check(Results results) {
                long typed = results.get("long", Long.class);
                long big = results.get("BigInteger (like Python's int)", Long.class);
                if (n == 90) {
                    return Check.of(typed == FIB_90 && big == FIB_90,
                            "fib(90) = " + typed + " (long), " + big + " (BigInteger); expected " + FIB_90);
                }
                return Check.of(typed == big, "fib(" + n + ") = " + typed + " (long), " + big + " (BigInteger)");
            }
        };
    }
}
