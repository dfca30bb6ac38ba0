package hitchhiker.omp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interrupt rule: a wait in the team never spins on an interrupt and never swallows the
 * caller's. Each case waits {@value #WAIT_MS} ms; a thread that spun on its set interrupt flag
 * would burn most of that in CPU time, a parked one a few milliseconds.
 */
@Timeout(60)
class InterruptTest {

    private static final long WAIT_MS = 400;
    /** Far above a parked waiter (spin 100 µs, yield to 1 ms), far below a spinning one. */
    private static final long MAX_CPU_MS = 80;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final WaitPolicy before = Omp.waitPolicy();

    @AfterEach
    void restore() {
        Omp.setWaitPolicy(before);
        Thread.interrupted();
    }

    @Test
    void anInterruptedPooledThreadParksWhenIdle() throws InterruptedException {
        AtomicReference<Thread> worker = new AtomicReference<>();
        Omp.parallel(2).run(t -> {
            if (t.threadNum() == 1) {
                worker.set(Thread.currentThread());
                Thread.currentThread().interrupt();   // as a body that catches InterruptedException and restores the flag
            }
        });
        Thread.sleep(50);   // past the spinning and yielding phases
        long cpu = cpuMillisOver(worker.get(), () -> sleep(WAIT_MS));
        assertThat(cpu).as("CPU ms of an idle, interrupted pooled thread in %d ms", WAIT_MS).isLessThan(MAX_CPU_MS);
        AtomicBoolean flagInNextRegion = new AtomicBoolean(true);
        Omp.parallel(2).run(t -> {
            if (t.threadNum() == 1) flagInNextRegion.set(Thread.currentThread().isInterrupted());
        });
        assertThat(flagInNextRegion).as("a pooled thread's interrupt does not leak into the next region").isFalse();
    }

    @Test
    void anInterruptedMasterParksAtTheJoinAndKeepsItsFlag() {
        Thread master = Thread.currentThread();
        long cpu = cpuMillisOver(master, () -> {
            master.interrupt();
            Omp.parallel(2).run(t -> {
                if (t.threadNum() == 1) sleep(WAIT_MS);
            });
        });
        assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        assertThat(cpu).as("CPU ms of an interrupted master waiting %d ms at the join", WAIT_MS).isLessThan(MAX_CPU_MS);
    }

    @Test
    void anInterruptedThreadParksAtABarrierAndKeepsItsFlag() {
        Thread master = Thread.currentThread();
        AtomicBoolean flagAfterBarrier = new AtomicBoolean();
        long cpu = cpuMillisOver(master, () -> Omp.parallel(2).run(t -> {
            if (t.threadNum() == 1) {
                sleep(WAIT_MS);
            } else {
                Thread.currentThread().interrupt();
            }
            t.barrier();
            if (t.threadNum() == 0) flagAfterBarrier.set(Thread.interrupted());
        }));
        assertThat(flagAfterBarrier).as("the barrier hands the interrupt back").isTrue();
        assertThat(cpu).as("CPU ms of an interrupted thread waiting %d ms at a barrier", WAIT_MS).isLessThan(MAX_CPU_MS);
    }

    @Test
    void passiveAndActivePoliciesAlikeNeverSpinOnAnInterrupt() {
        for (WaitPolicy p : new WaitPolicy[] {WaitPolicy.PASSIVE, WaitPolicy.DEFAULT}) {
            Omp.setWaitPolicy(p);
            Thread master = Thread.currentThread();
            long cpu = cpuMillisOver(master, () -> {
                master.interrupt();
                Omp.parallel(3).run(t -> {
                    if (t.threadNum() == 2) sleep(WAIT_MS / 2);
                    t.barrier();
                });
            });
            assertThat(Thread.interrupted()).isTrue();
            assertThat(cpu).as("policy %s", p).isLessThan(MAX_CPU_MS);
        }
    }

    private static long cpuMillisOver(Thread thread, Runnable during) {
        long before = CPU.getThreadCpuTime(thread.threadId());
        during.run();
        return (CPU.getThreadCpuTime(thread.threadId()) - before) / 1_000_000;
    }

    /** Sleeps without touching the flag; an interrupt here would be the test's own bug. */
    private static void sleep(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}
