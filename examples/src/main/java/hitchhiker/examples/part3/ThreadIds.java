package hitchhiker.examples.part3;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import hitchhiker.omp.Omp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parallel region in which each thread reports its number and the team size
 * ({@code omp_get_thread_num()}, {@code omp_get_num_threads()}). The threads run at once, so they
 * report in whatever order they get there; each number from 0 to n-1 appears exactly once.
 */
public final class ThreadIds implements Example {

    @Override
    public String id() {
        return "part3.threads";
    }

    @Override
    public String title() {
        return "Thread number and team size in a parallel region";
    }

    @Override
    public String mirrors() {
        return "Part 3 (Cython + OpenMP), omp_get_thread_num in a parallel block";
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    /** One thread's report. */
    record Report(int thread, int teamSize) {
    }

    @Override
    public Workload prepare(Settings settings) {
        int threads = settings.threads();
        return new Workload() {
            @Override
            public List<Variant> variants() {
                return List.of(Variant.parallel("parallel region", threads, () -> {
                    List<Report> reports = Collections.synchronizedList(new ArrayList<>());
                    Omp.parallel(threads).run(t -> reports.add(new Report(t.threadNum(), t.numThreads())));
                    return List.copyOf(reports);
                }));
            }

            @Override
            @SuppressWarnings("unchecked")
            public Object result(Results results) {
                List<Report> reports = (List<Report>) results.get("parallel region");
                for (Report r : reports) settings.out().println("thread " + r.thread() + " of " + r.teamSize());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("team_size", threads);
                out.put("order", reports.stream().map(Report::thread).toList());
                return out;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Check check(Results results) {
                List<Report> reports = (List<Report>) results.get("parallel region");
                int[] seen = new int[threads];
                boolean ok = reports.size() == threads;
                for (Report r : reports) {
                    ok &= r.teamSize() == threads && r.thread() >= 0 && r.thread() < threads;
                    if (r.thread() >= 0 && r.thread() < threads) seen[r.thread()]++;
                }
                for (int c : seen) ok &= c == 1;
                return Check.of(ok, reports.size() + " reports for a team of " + threads
                        + "; every thread number 0.." + (threads - 1) + " once, each saw team size " + threads);
            }
        };
    }
}
