package hitchhiker.examples.part1;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Param;
import hitchhiker.examples.Variant;
import hitchhiker.process.ProcessPool;
import hitchhiker.process.ProcessQueue;
import hitchhiker.process.SerializableFunction;

import java.util.ArrayList;
import java.util.List;
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
public final class Primes {

    static final String ALL_DONE = "all done";
    static final String WORKER_FINISHED = "worker finished";
    /** The most numbers the queue variant sends through its queue. */
    static final int QUEUED = 100_000;

    private Primes() {
    }

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

    static final Example EXAMPLE = new ExampleSpec("part1.primes", "Prime checking over a range: serial, pool map and queue",
            "Part 1, check_prime with Pool.map and with a Manager's queues",
            List.of(Param.choice("range", "C", List.of("A", "B", "C", "D", "E"),
                    "A = [1e8, 1e8+1e4), B = [1e8, 1e8+1e5), C = [1e8, 1e8+1e6), D = [1e9, 1e9+1e5), E = [1e11, 1e11+1e5)")
                    .workshop("B").quick("A")),
            (s, work) -> {
                Range range = Range.valueOf(s.text("range"));
                List<Long> numbers = range.numbers();
                List<Long> queued = numbers.subList(0, Math.min(numbers.size(), QUEUED));
                String queueName = queued.size() < numbers.size() ? "queue (first " + queued.size() + ")" : "queue";
                ProcessPool pool = work.open(new ProcessPool(s.workers()));
                ProcessQueue<Object> toCheck = work.open(new ProcessQueue<>());
                ProcessQueue<Object> found = work.open(new ProcessQueue<>());
                SerializableFunction<Integer, Integer> checker = checker(toCheck, found);
                work.add(Variant.serial("serial", () -> serial(numbers)).withTasks(numbers.size()));
                work.add(Variant.parallel("pool map", s.workers(), () -> poolMap(pool, numbers)));
                work.add(Variant.overheadBound(queueName, s.workers(), queued.size(),
                        () -> queue(pool, checker, toCheck, found, queued)));
                work.result(r -> {
                    List<?> primes = (List<?>) r.serial();
                    s.out().println(primes.size() + " primes in " + range
                            + (primes.isEmpty() ? "" : ", from " + primes.getFirst() + " to " + primes.getLast()));
                    return Ordered.map("range", range.name(), "primes", primes.size());
                });
                work.check(r -> {
                    List<?> serial = (List<?>) r.serial();
                    long queuedEnd = range.start + queued.size();
                    List<?> serialQueued = serial.stream().filter(n -> (Long) n < queuedEnd).toList();
                    List<String> differ = r.eachChecked((name, primes) ->
                            primes.equals(name.equals(queueName) ? serialQueued : serial) ? null : name);
                    boolean ok = differ.isEmpty() && serial.size() == range.primes;
                    return Check.of(ok, serial.size() + " primes in range " + range.name() + " (expected " + range.primes + ")"
                            + (differ.isEmpty() ? ", same primes in every variant" : "; different primes in: " + String.join(", ", differ)));
                });
            });
}
