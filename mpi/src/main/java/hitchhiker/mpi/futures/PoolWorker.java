package hitchhiker.mpi.futures;

import hitchhiker.mpi.Comm;
import hitchhiker.mpi.Message;
import hitchhiker.mpi.Mpi;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A worker rank of an {@link MpiPoolExecutor}: receives {@link Job}s from the client, runs their
 * tasks and sends back {@link Outcome}s, until the client says stop. As a spawned process
 * ({@link #main}) it serves its parent, then disconnects.
 */
public final class PoolWorker {

    static final int JOB = 1, OUTCOME = 2, STOP = 3;

    private PoolWorker() {
    }

    /** The entry point of a spawned worker. */
    public static void main(String[] args) {
        Comm parent = Mpi.parent().orElseThrow(() -> new IllegalStateException("PoolWorker is started by MpiPoolExecutor.spawn"));
        serve(parent, 0);
        parent.disconnect();
    }

    /** Serves the client at {@code client} (a rank of {@code link}'s remote group) until it sends stop. */
    static void serve(Comm link, int client) {
        while (true) {
            Message<Job> m = link.recvMessage(client, Mpi.ANY_TAG);
            if (m.status().tag() == STOP) return;
            Job job = m.value();
            List<Object> values = new ArrayList<>(job.tasks().size());
            Throwable failure = null;
            for (Callable<?> task : job.tasks()) {
                try {
                    values.add(task.call());
                } catch (Throwable t) {
                    failure = travelling(t);
                    break;
                }
            }
            link.send(new Outcome(job.id(), failure == null ? values : null, failure), client, OUTCOME);
        }
    }

    /** The exception itself if it serializes, else a {@link RemoteTaskException} that says what it was. */
    private static Throwable travelling(Throwable t) {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(t);
            return t;
        } catch (Exception notSerializable) {
            return new RemoteTaskException(t.toString(), t.getStackTrace());
        }
    }
}
