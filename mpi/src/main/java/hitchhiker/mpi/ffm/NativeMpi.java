package hitchhiker.mpi.ffm;

/**
 * Whether this machine can use the native backend, and why not: for {@code hhg doctor} and for
 * messages. Checking opens the library and reads its version (which MPI allows before
 * MPI_Init) but initialises nothing.
 */
public final class NativeMpi {

    private NativeMpi() {
    }

    /**
     * The verdict.
     *
     * @param usable whether the native backend can run here
     * @param detail the library and its version when usable, else one line saying why not
     */
    public record Availability(boolean usable, String detail) {
    }

    /** Checks the library (once per JVM; later calls return the same answer). */
    public static Availability check() {
        try {
            NativeMpiLibrary library = NativeMpiLibrary.load();
            String version = LibMpi.libraryVersion();
            int comma = version.indexOf(',');
            return new Availability(true, (comma > 0 ? version.substring(0, comma) : version) + " (" + library.path() + ")");
        } catch (NativeMpiUnavailableException e) {
            return new Availability(false, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return new Availability(false, "the MPI library cannot be used: " + e);
        }
    }
}
