package hitchhiker.examples.part1;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import hitchhiker.process.ProcessPool;
import hitchhiker.process.ProcessQueue;
import hitchhiker.process.SerializableFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

/**
 * part1.primes: which numbers of a range are prime, by trial division. The cost per number is
 * uneven (most are rejected at once, primes cost sqrt(n)/2 divisions), which is what makes the
 * three ways of sharing it out interesting:
 * <ul>
 *   <li>serial: one loop;</li>
 *   <li>pool map: {@code pool.map(isPrime, numbers)} in a few big chunks, then keep the flagged ones;</li>
 *   <li>queue: workers take one number at a time from a queue and put primes on another; the
 *   parent sends one "all done" marker per worker and collects until every worker has answered
 *   "worker finished". One round trip per number: the lesson is how much that costs. It checks at
 *   most the first {@link #QUEUED} numbers of the range (all of the workshop's range B): its cost
 *   per number is what it shows, and a million round trips would only make the run longer.</li>
 * </ul>
 */
public final class Primes implements Example {

    static final String ALL_DONE = "all done";
    static final String WORKER_FINISHED = "worker finished";
    /** The most numbers the queue variant sends through its queue. */
    static final int QUEUED = 100_000;

    /** The workshop's ranges and how many primes each holds (computed once, serially). */
    enum Range {
        A(100_000_000L, 10_000, 551), B(100_000_000L, 100_000, 5_411), C(100_000_000L, 1_000_000, 54_208),
        D(1_000_000_000L, 100_000, 4_832), E(100_000_000_000L, 100_000, 4_019);

        final long start;
        final long length;
        final int primes;

        Range(long start, long length, int primes) {
            this.start = start;
            this.length = length;
            this.primes = primes;
        }

        List<Long> numbers() {
            return LongStream.range(start, start + length).boxed().toList();
        }

        @Override
        public String toString() {
            return name() + " = [" + start + ", " + (start + length) + ")";
        }
    }

    @Override
    public String id() {
        return "part1.primes";
    }

    @Override
    public String title() {
        return "Prime checking over a range: serial, pool map and queue";
    }

    @Override
    public String mirrors() {
        return "Part 1, check_prime with Pool.map and with a Manager's queues";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.choice("range", "C", List.of("A", "B", "C", "D", "E"),
                "A = [1e8, 1e8+1e4), B = [1e8, 1e8+1e5), C = [1e8, 1e8+1e6), D = [1e9, 1e9+1e5), E = [1e11, 1e11+1e5)")
                .workshop("B").quick("A"));
    }

    /** Trial division by odd numbers up to the square root; even numbers are rejected at once. */
    public static boolean isPrime(long n) {
        if (n % 2 == 0) return false;
        long limit = (long) Math.sqrt((double) n);
        for (long i = 3; i <= limit; i += 2) {
            if (n % i == 0) return false;
        }
        return true;
    }

    static List<Long> serial(List<Long> numbers) {
        List<Long> primes = new ArrayList<>();
        for (long n : numbers) if (isPrime(n)) primes.add(n);
        return primes;
    }

    static List<Long> poolMap(ProcessPool pool, List<Long> numbers) {
        List<Boolean> flags = pool.map(Primes::isPrime, numbers);
        List<Long> primes = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) if (flags.get(i)) primes.add(numbers.get(i));
        return primes;
    }

    /** The queue variant's worker: check numbers until the "all done" marker. */
    static SerializableFunction<Integer, Integer> checker(ProcessQueue<Object> numbers, ProcessQueue<Object> primes) {
        return worker -> {
            int checked = 0;
            for (Object item; !ALL_DONE.equals(item = numbers.get()); checked++) {
                long n = (Long) item;
                if (isPrime(n)) primes.put(n);
            }
            primes.put(WORKER_FINISHED);
            return checked;
        };
    }

    static List<Long> queue(ProcessPool pool, SerializableFunction<Integer, Integer> checker,
                            ProcessQueue<Object> numbers, ProcessQueue<Object> primes, List<Long> range)
            throws Exception {
        List<CompletableFuture<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < pool.size(); w++) workers.add(pool.submit(checker, w));
        for (Long n : range) numbers.put(n);
        for (int w = 0; w < pool.size(); w++) numbers.put(ALL_DONE);
        List<Long> found = new ArrayList<>();
        for (int finished = 0; finished < pool.size(); ) {
            Object item = primes.get();
            if (WORKER_FINISHED.equals(item)) finished++;
            else found.add((Long) item);
        }
        for (CompletableFuture<Integer> w : workers) w.get(); // surfaces a worker's failure
        found.sort(null);
        return found;
    }

    @Override
    public Workload prepare(Settings settings) {
        Range range = Range.valueOf(settings.text("range"));
        List<Long> numbers = range.numbers();
        List<Long> queued = numbers.subList(0, Math.min(numbers.size(), QUEUED));
        String queueName = queued.size() < numbers.size() ? "queue (first " + queued.size() + ")" : "queue";
        ProcessPool pool = new ProcessPool(settings.workers());
        ProcessQueue<Object> toCheck = new ProcessQueue<>();
        ProcessQueue<Object> found = new ProcessQueue<>();
        SerializableFunction<Integer, Integer> checker = checker(toCheck, found);
        int workers = settings.workers();
        return new Workload() {
            @Override
            public List<Variant> variants() {
                return List.of(
                        Variant.serial("serial", () -> serial(numbers)).withTasks(numbers.size()),
                        Variant.parallel("pool map", workers, () -> poolMap(pool, numbers)),
                        Variant.overheadBound(queueName, workers, queued.size(),
                                () -> queue(pool, checker, toCheck, found, queued)));
            }

            @Override
            @SuppressWarnings("unchecked")
            public Object result(Results results) {
                List<Long> primes = (List<Long>) results.serial();
                settings.out().println(primes.size() + " primes in " + range
                        + (primes.isEmpty() ? "" : ", from " + primes.getFirst() + " to " + primes.getLast()));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("range", range.name());
                r.put("primes", primes.size());
                return r;
            }

            @Override
            public Check check(Results results) {
                @SuppressWarnings("unchecked")
                List<Long> serial = (List<Long>) results.serial();
                long queuedEnd = range.start + queued.size();
                List<Long> serialQueued = serial.stream().filter(n -> n < queuedEnd).toList();
                StringBuilder differ = new StringBuilder();
                for (Variant v : results.checked()) {
                    Object expected = v.name().equals(queueName) ? serialQueued : serial;
                    if (!results.get(v.name()).equals(expected)) differ.append(differ.isEmpty() ? "" : ", ").append(v.name());
                }
                int count = serial.size();
                boolean ok = differ.isEmpty() && count == range.primes;
                return Check.of(ok, count + " primes in range " + range.name() + " (expected " + range.primes + ")"
                        + (differ.isEmpty() ? ", same primes in every variant" : "; different primes in: " + differ));
            }

            @Override
            public void close() {
                pool.close();
                toCheck.close();
                found.close();
            }
        };
    }
}
