package hitchhiker.mpi.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and opens the system's MPI library, once per JVM.
 *
 * <p>Open MPI loads its transports as plugins ({@code mca_btl_vader.so}, ...) that resolve
 * symbols of {@code libmpi} and {@code libopen-pal} from the global namespace. The JDK's
 * {@link SymbolLookup#libraryLookup} opens libraries with {@code RTLD_LOCAL}, which leaves those
 * plugins unresolvable, so this class first calls {@code dlopen(name, RTLD_NOW | RTLD_GLOBAL)}
 * itself through the native linker; the JDK's own lookup then finds the already-global library.
 *
 * <p>The library is {@code $HHG_MPI_LIBRARY} (or {@code -Dhhg.mpi.library}) when set, else the
 * ABI's usual names. Nothing here initialises MPI: opening the library has no side effect on a
 * process that was not started by {@code mpirun}, so {@code hhg doctor} may call {@link #load}.
 */
public final class NativeMpiLibrary {

    private static final int RTLD_NOW = 0x2;       // glibc's <dlfcn.h>, the same on every Linux arch
    private static final int RTLD_GLOBAL = 0x100;

    private static volatile Result cached;

    private final MpiAbi abi;
    private final SymbolLookup symbols;
    private final String path;

    private NativeMpiLibrary(MpiAbi abi, SymbolLookup symbols, String path) {
        this.abi = abi;
        this.symbols = symbols;
        this.path = path;
    }

    /** The ABI of the loaded library. */
    public MpiAbi abi() {
        return abi;
    }

    /** Its symbols. */
    public SymbolLookup symbols() {
        return symbols;
    }

    /** The name or path it was opened by. */
    public String path() {
        return path;
    }

    /**
     * The library, opened on first call; or a {@link NativeMpiUnavailableException} whose message
     * says in one line why there is none (not installed, unsupported ABI, ...).
     */
    public static NativeMpiLibrary load() {
        Result r = cached;
        if (r == null) {
            synchronized (NativeMpiLibrary.class) {
                r = cached;
                if (r == null) cached = r = open();
            }
        }
        if (r.library != null) return r.library;
        throw new NativeMpiUnavailableException(r.whyNot);
    }

    /** A library, or why there is none. */
    record Result(NativeMpiLibrary library, String whyNot) {
    }

    private static Result open() {
        return open(configuredPath());
    }

    /** Opens the library at {@code chosen}, or the first of the ABI's usual names; uncached, for tests. */
    static Result open(Optional<String> chosen) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return new Result(null, "the native MPI backend supports Linux only, not " + System.getProperty("os.name"));
        }
        MethodHandle dlopen;
        MethodHandle dlerror;
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            dlopen = linker.downcallHandle(libc.find("dlopen").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            dlerror = linker.downcallHandle(libc.find("dlerror").orElseThrow(), FunctionDescriptor.of(ValueLayout.ADDRESS));
        } catch (IllegalCallerException e) {
            return new Result(null, "native access is disabled: run java with --enable-native-access=ALL-UNNAMED");
        } catch (RuntimeException e) {
            return new Result(null, "cannot call dlopen through the FFM API: " + e);
        }
        List<String> candidates = new ArrayList<>();
        chosen.ifPresentOrElse(candidates::add, () -> MpiAbi.known().forEach(abi -> candidates.addAll(abi.libraryNames())));
        List<String> failures = new ArrayList<>();
        for (String name : candidates) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment handle = (MemorySegment) dlopen.invokeExact(arena.allocateFrom(name), RTLD_NOW | RTLD_GLOBAL);
                if (handle.address() == 0) {
                    MemorySegment err = (MemorySegment) dlerror.invokeExact();
                    failures.add(err.address() == 0 ? name + ": not found"
                            : err.reinterpret(4096).getString(0));
                    continue;
                }
                SymbolLookup symbols = SymbolLookup.libraryLookup(name, Arena.global());
                for (MpiAbi abi : MpiAbi.known()) {
                    if (abi.recognises(symbols)) return new Result(new NativeMpiLibrary(abi, symbols, name), null);
                }
                if (symbols.find("MPI_Init_thread").isEmpty()) return new Result(null, name + " is not an MPI library (no MPI_Init_thread)");
                return new Result(null, name + " is an MPI library of an unsupported ABI (this build knows Open MPI's; "
                        + "MPICH-family libraries are not supported yet)");
            } catch (Throwable e) {
                failures.add(name + ": " + e);
            }
        }
        String why = chosen.isPresent()
                ? "cannot open the MPI library " + chosen.get() + " (" + String.join("; ", failures) + ")"
                : "no MPI library found (" + String.join("; ", failures)
                  + "): install Open MPI, e.g. apt-get install openmpi-bin libopenmpi-dev, or set HHG_MPI_LIBRARY";
        return new Result(null, why);
    }

    private static Optional<String> configuredPath() {
        String p = System.getProperty("hhg.mpi.library");
        if (p == null || p.isBlank()) p = System.getenv("HHG_MPI_LIBRARY");
        if (p == null || p.isBlank()) return Optional.empty();
        return Optional.of(p.contains("/") ? Path.of(p).toAbsolutePath().toString() : p);
    }
}
