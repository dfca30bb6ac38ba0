package hitchhiker.mpi.ffm;

import hitchhiker.mpi.MpiException;
import hitchhiker.mpi.spi.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding the library, and the one-line reasons when there is none. These need no mpirun. */
class NativeMpiLibraryTest {

    @Test
    void aMissingLibraryIsOneLineThatSaysWhatToDo() {
        var r = NativeMpiLibrary.open(Optional.of("/nonexistent/libmpi.so.40"));
        assertThat(r.library()).isNull();
        assertThat(r.whyNot()).startsWith("cannot open the MPI library /nonexistent/libmpi.so.40").doesNotContain("\n");
    }

    @Test
    void aLibraryThatIsNotMpiIsNamedAsSuch() {
        var r = NativeMpiLibrary.open(Optional.of("libc.so.6"));
        assertThat(r.library()).isNull();
        assertThat(r.whyNot()).isEqualTo("libc.so.6 is not an MPI library (no MPI_Init_thread)");
    }

    @Test
    void withoutMpirunTheEmbeddedSideIsChosenWhateverTheLibrary() {
        assertThat(new NativeProvider().applies(Map.of())).isFalse();
        assertThat(Backends.select(Map.of()).name()).isEqualTo("singleton");
    }

    @Test
    void eachLauncherSelectsItsOwnBackendByTheMarkerItSets() {
        assertThat(Backends.select(Map.of("HHG_MPI_RANK", "0")).name()).isEqualTo("embedded");
        assertThat(Backends.select(Map.of(Backends.OPEN_MPI_MARKER, "2")).name()).isEqualTo("native");
        assertThat(Backends.providers()).extracting(p -> p.name()).containsExactlyInAnyOrder("embedded", "singleton", "native");
        assertThatThrownBy(() -> Backends.select(Map.of("HHG_MPI_RANK", "0", Backends.OPEN_MPI_MARKER, "2")))
                .isInstanceOf(MpiException.class).hasMessageContaining("more than one launcher");
    }

    @Test
    void theInstalledOpenMpiIsFoundAndRecognised() {
        OpenMpiTests.requireOpenMpi();
        var r = NativeMpiLibrary.open(Optional.empty());
        assertThat(r.whyNot()).isNull();
        assertThat(r.library().abi()).isSameAs(OpenMpiAbi.INSTANCE);
        assertThat(NativeMpi.check().detail()).startsWith("Open MPI v");
    }

    @Test
    @Timeout(30)
    void startedByMpirunWithoutAUsableLibraryIsOneClearLineNotASilentSingleton() throws Exception {
        var job = Mpirun.launch(OpenMpiTests.java(List.of("-Dhhg.mpi.library=/nonexistent/libmpi.so.40"),
                SelectBackend.class.getName(), List.of()), Map.of(Backends.OPEN_MPI_MARKER, "2"), Duration.ofSeconds(25));
        assertThat(job.output().strip()).isEqualTo("error: started by mpirun, but the native MPI backend cannot run: "
                + "cannot open the MPI library /nonexistent/libmpi.so.40 (/nonexistent/libmpi.so.40: cannot open shared object "
                + "file: No such file or directory) (or run the program with hhg mpirun, on the embedded transport)");
    }

    /** Prints the backend this process's environment selects and starts, or the error. */
    public static final class SelectBackend {
        public static void main(String[] args) {
            try {
                System.out.println("chose " + Backends.select(System.getenv()).start().name());
            } catch (MpiException e) {
                System.out.println("error: " + e.getMessage());
            }
        }
    }
}
