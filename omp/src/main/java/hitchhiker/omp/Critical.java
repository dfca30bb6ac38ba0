package hitchhiker.omp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OpenMP's critical sections: one lock per name, shared by every team in the process, plus the
 * unnamed one. A thread first spins on {@code tryLock} (critical sections are short, and parking
 * costs microseconds), then blocks.
 */
final class Critical {

    private static final int SPINS = 2_000;
    private static final ConcurrentHashMap<Object, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private Critical() {
    }

    static void run(Object name, Runnable body) {
        if (name == null) throw new IllegalArgumentException("critical section name is null");
        ReentrantLock lock = LOCKS.computeIfAbsent(name, k -> new ReentrantLock());
        acquire(lock);
        try {
            body.run();
        } finally {
            lock.unlock();
        }
    }

    private static void acquire(ReentrantLock lock) {
        for (int i = 0; i < SPINS; i++) {
            if (lock.tryLock()) return;
            Thread.onSpinWait();
        }
        lock.lock();
    }
}
