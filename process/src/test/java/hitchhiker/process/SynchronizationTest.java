package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lock, RLock, Semaphore, Event, Condition and Barrier across JVMs, against Python's documented behaviour. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SynchronizationTest extends TwoWorkerPoolTests {

    @Test
    void aLockMakesReadModifyWriteAcrossProcessesExact() throws Exception {
        try (ProcessLock lock = new ProcessLock(); SharedLong counter = new SharedLong(0)) {
            List<CompletableFuture<Integer>> fs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                fs.add(pool.submit(x -> {
                    for (int i = 0; i < 3000; i++) {
                        lock.acquire();
                        try {
                            counter.set(counter.get() + 1); // not atomic: only the lock makes it exact
                        } finally {
                            lock.release();
                        }
                    }
                    return x;
                }, w));
            }
            for (int i = 0; i < 3000; i++) {
                lock.acquire();
                counter.set(counter.get() + 1);
                lock.release();
            }
            for (var f : fs) f.get(30, TimeUnit.SECONDS);
            assertThat(counter.get()).isEqualTo(9000);
            assertThat(lock.isLocked()).isFalse();
            assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class).hasMessage("release of an unlocked lock");
        }
    }

    @Test
    void aLockHeldElsewhereTimesOutAndIsTakenOverWhenItsHolderDies() throws Exception {
        try (ProcessLock lock = new ProcessLock(); SharedLong held = new SharedLong(0)) {
            JvmProcess holder = new JvmProcess(() -> {
                lock.acquire();
                held.set(1);
                Thread.sleep(60_000);
            }).start();
            Processes.awaitNonZero(held, Duration.ofSeconds(20));
            assertThat(lock.tryAcquire()).isFalse();
            assertThat(lock.acquire(Duration.ofMillis(50))).isFalse();
            holder.kill();
            holder.join();
            assertThat(lock.acquire(Duration.ofSeconds(5))).isTrue();
            lock.release();
        }
    }

    @Test
    void anRLockIsReentrantAndOnlyItsHolderReleasesIt() throws Exception {
        try (ProcessRLock lock = new ProcessRLock()) {
            lock.acquire();
            lock.acquire();
            assertThat(lock.isHeldByCurrentThread()).isTrue();
            assertThat(pool.submit(x -> lock.acquire(Duration.ofMillis(50)), 0).get()).isFalse();
            CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
                try {
                    lock.release();
                    return "released";
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            });
            assertThat(other.get()).isEqualTo("cannot release a lock this thread does not hold");
            lock.release();
            assertThat(lock.isHeldByCurrentThread()).isTrue(); // one hold left
            lock.release();
            assertThat(lock.isHeldByCurrentThread()).isFalse();
            assertThat(pool.submit(x -> {
                boolean got = lock.acquire(Duration.ofSeconds(5));
                lock.release();
                return got;
            }, 0).get()).isTrue();
        }
    }

    @Test
    void aSemaphoreCountsPermits() throws Exception {
        try (ProcessSemaphore s = new ProcessSemaphore(2)) {
            s.acquire();
            assertThat(pool.submit(x -> s.acquire(Duration.ofSeconds(5)), 0).get()).isTrue();
            assertThat(s.available()).isZero();
            assertThat(s.acquire(Duration.ofMillis(30))).isFalse();
            s.release();
            assertThat(s.acquire(Duration.ofMillis(30))).isTrue();
            assertThatThrownBy(() -> new ProcessSemaphore(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEventWakesItsWaitersOnceSet() throws Exception {
        try (ProcessEvent e = new ProcessEvent()) {
            assertThat(e.await(Duration.ofMillis(20))).isFalse(); // Python: wait(timeout) returns the flag
            CompletableFuture<Boolean> waiter = pool.submit(x -> e.await(Duration.ofSeconds(20)), 0);
            Thread.sleep(50);
            e.set();
            assertThat(waiter.get(20, TimeUnit.SECONDS)).isTrue();
            assertThat(e.isSet()).isTrue();
            e.clear();
            assertThat(e.isSet()).isFalse();
        }
    }

    @Test
    void aConditionWaiterIsSignalledAndATimedOutOneIsNot() throws Exception {
        try (ProcessCondition c = new ProcessCondition(); SharedLong ready = new SharedLong(0)) {
            CompletableFuture<Boolean> waiter = pool.submit(x -> {
                c.acquire();
                try {
                    ready.set(1);
                    return c.await(Duration.ofSeconds(20));
                } finally {
                    c.release();
                }
            }, 0);
            Processes.awaitNonZero(ready, Duration.ofSeconds(20));
            c.acquire(); // free only once the waiter is waiting
            c.signal();
            c.release();
            assertThat(waiter.get(20, TimeUnit.SECONDS)).isTrue();
            c.acquire();
            assertThat(c.await(Duration.ofMillis(30))).isFalse();
            c.signalAll(); // nobody waits: nothing happens
            c.release();
            assertThatThrownBy(c::signal).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot signal a condition without holding its lock");
        }
    }

    @Test
    void aBarrierReleasesAllPartiesTogetherAndATimeoutBreaksIt() throws Exception {
        try (ProcessBarrier b = new ProcessBarrier(3)) {
            List<CompletableFuture<Integer>> parties = new ArrayList<>();
            for (int w = 0; w < 2; w++) parties.add(pool.submit(x -> b.await(Duration.ofSeconds(20)), w));
            Set<Integer> indices = new HashSet<>();
            indices.add(b.await(Duration.ofSeconds(20)));
            for (var p : parties) indices.add(p.get(20, TimeUnit.SECONDS));
            assertThat(indices).containsExactlyInAnyOrder(0, 1, 2);
            assertThat(b.waiting()).isZero();

            assertThatThrownBy(() -> b.await(Duration.ofMillis(30))).isInstanceOf(BrokenBarrierException.class);
            assertThat(b.isBroken()).isTrue();
            assertThatThrownBy(b::await).isInstanceOf(BrokenBarrierException.class);
            b.reset();
            assertThat(b.isBroken()).isFalse();
            assertThat(b.parties()).isEqualTo(3);
        }
    }
}
