package hitchhiker.mpi.ffm;

import hitchhiker.mpi.MpiException;

/** An MPI function returned an error; the message is MPI's own ({@code MPI_Error_string}). */
public final class MpiNativeException extends MpiException {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final int errorCode;

    /** The error {@code code} returned by {@code function}, with MPI's text for it. */
    public MpiNativeException(String function, int code, String mpiMessage) {
        super(function + " failed: " + mpiMessage + " (MPI error " + code + ")");
        this.function = function;
        this.errorCode = code;
    }

    /** The MPI function that failed, e.g. "MPI_Send". */
    public String function() {
        return function;
    }

    /** MPI's error code. */
    public int errorCode() {
        return errorCode;
    }
}
