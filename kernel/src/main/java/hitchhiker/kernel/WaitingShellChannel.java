package hitchhiker.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that waits on its socket for the next request. jjava's own channel
 * looks at its socket, then sleeps 50 ms, so a request waited 25 ms on average before it was
 * read: half of a trivial cell's budget. Requests are handled as jjava handles them: on this
 * channel's thread, one at a time, the reply environment's deferred messages sent after the
 * handler, the connection closed after a shutdown request.
 */
final class WaitingShellChannel extends ShellChannel {

    /** How long one wait lasts before the thread looks whether the channel was closed. */
    private static final long WAIT_MS = 200;

    private final boolean control;
    private final JupyterConnection connection;
    private volatile boolean running;
    private volatile Thread loop;

    WaitingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) throw new IllegalStateException((control ? "control" : "shell") + " channel already bound");
        bind(formatAddress(props.getTransport(), props.getIp(), control ? props.getControlPort() : props.getShellPort()));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = Thread.ofPlatform().name(control ? "jupyter-control" : "jupyter-shell").start(() -> {
            try {
                while (running) {
                    if (poller.poll(WAIT_MS) > 0 && running) handle(readMessage());
                }
            } finally {
                poller.close();
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            logger.warn("Unhandled message: {}", message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            logger.warn("Unhandled exception handling {}. {} - {}", message.getHeader().getType().getName(),
                    e.getClass().getSimpleName(), e.getLocalizedMessage());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) connection.close();
    }

    /** Stops the thread (within one wait), then closes the socket, which only that thread used. */
    @Override
    public void close() {
        running = false;
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(WAIT_MS * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close(); // jjava's loop was never started: this closes the socket
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t == null) return;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
