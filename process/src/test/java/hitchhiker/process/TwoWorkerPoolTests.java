package hitchhiker.process;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that share one pool of two workers: started before the class's first test, closed after its last. */
abstract class TwoWorkerPoolTests {

    static ProcessPool pool;

    @BeforeAll
    static void start() {
        pool = new ProcessPool(2);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }
}
