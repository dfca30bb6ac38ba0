package hitchhiker.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

import java.lang.reflect.Field;
import java.security.GeneralSecurityException;

/**
 * jjava's connection to Jupyter with its shell and control channels replaced by
 * {@link WaitingShellChannel}s, which read a request as soon as it comes. jjava builds its
 * channels in the connection's constructor into final fields and offers no other way to choose
 * them, so they are swapped by reflection before anything is bound.
 */
final class PromptConnection extends JupyterConnection {

    PromptConnection(KernelConnectionProperties props) throws GeneralSecurityException {
        super(props);
        ZMQ.Context context = (ZMQ.Context) read("ctx");
        HMACGenerator hmac = props.createHMACGenerator();
        replace("shell", new WaitingShellChannel(context, hmac, false, this));
        replace("control", new WaitingShellChannel(context, hmac, true, this));
    }

    private Object read(String name) {
        try {
            return field(name).get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jjava's JupyterConnection has no field " + name + " as this kernel expects", e);
        }
    }

    private void replace(String name, ShellChannel channel) {
        try {
            Field f = field(name);
            ((ShellChannel) f.get(this)).close(); // jjava's own, never bound: only its socket to free
            f.set(this, channel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jjava's JupyterConnection has no field " + name + " as this kernel expects", e);
        }
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = JupyterConnection.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
