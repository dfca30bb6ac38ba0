package hitchhiker.mpi;

import java.util.List;

/** {@link ThreadWorld} for tests in other packages. */
public final class ThreadWorldAccess {

    /** A rank's body. */
    public interface Body<T> {
        T run(Comm world) throws Exception;
    }

    private ThreadWorldAccess() {
    }

    /** Runs {@code body} in {@code np} ranks (threads over the embedded transport, or this process's world under mpirun). */
    public static <T> List<T> run(int np, Body<T> body) throws Exception {
        return ThreadWorld.run(np, body::run);
    }
}
