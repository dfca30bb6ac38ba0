package hitchhiker.examples.part3;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Results;
import hitchhiker.examples.Variant;
import hitchhiker.omp.Omp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parallel region in which each thread reports its number and the team size
 * ({@code omp_get_thread_num()}, {@code omp_get_num_threads()}). The threads run at once, so they
 * report in whatever order they get there; each number from 0 to n-1 appears exactly once.
 */
public final class ThreadIds {

    private ThreadIds() {
    }

    /** One thread's report. */
    record Report(int thread, int teamSize) {
    }

    /** Each thread of a team of {@code threads} reports its number and the team size. */
    static List<Report> reports(int threads) {
        List<Report> reports = Collections.synchronizedList(new ArrayList<>());
        Omp.parallel(threads).run(t -> reports.add(new Report(t.threadNum(), t.numThreads())));
        return List.copyOf(reports);
    }

    @SuppressWarnings("unchecked")
    private static List<Report> reportsOf(Results results) {
        return (List<Report>) results.get("parallel region");
    }

    static final Example EXAMPLE = new ExampleSpec("part3.threads", "Thread number and team size in a parallel region",
            "Part 3 (Cython + OpenMP), omp_get_thread_num in a parallel block", List.of(),
            (s, work) -> {
                int threads = s.threads();
                work.add(Variant.parallel("parallel region", threads, () -> reports(threads)));
                work.result(r -> {
                    List<Report> reports = reportsOf(r);
                    for (Report report : reports) s.out().println("thread " + report.thread() + " of " + report.teamSize());
                    return Ordered.map("team_size", threads, "order", reports.stream().map(Report::thread).toList());
                });
                work.check(r -> {
                    List<Report> reports = reportsOf(r);
                    int[] seen = new int[threads];
                    boolean ok = reports.size() == threads;
                    for (Report report : reports) {
                        ok &= report.teamSize() == threads && report.thread() >= 0 && report.thread() < threads;
                        if (report.thread() >= 0 && report.thread() < threads) seen[report.thread()]++;
                    }
                    for (int c : seen) ok &= c == 1;
                    return Check.of(ok, reports.size() + " reports for a team of " + threads
                            + "; every thread number 0.." + (threads - 1) + " once, each saw team size " + threads);
                });
            });
}
