package hitchhiker.mpi.ffm;

import hitchhiker.mpi.MpiException;

/** There is no usable native MPI in this process; the message says why in one line. */
public final class NativeMpiUnavailableException extends MpiException {

    private static final long serialVersionUID = 1L;

    /** An exception with a one-line reason. */
    public NativeMpiUnavailableException(String why) {
        super(why);
    }
}
