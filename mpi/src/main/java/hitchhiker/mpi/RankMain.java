package hitchhiker.mpi;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of every rank: {@code RankMain <class> [args]} starts message passing, runs the
 * class's {@code main(String[])} or, for a {@link RankProgram}, its {@code run(world, args)}, then
 * finishes. Works under any backend, e.g. {@code mpirun -np 4 java -cp ... hitchhiker.mpi.RankMain Hello}.
 *
 * <p>An uncaught exception is printed with the rank that threw it and the process exits with
 * status 1, which makes the launcher stop the other ranks; a program never hangs the job by
 * dying. Rank 0's {@link RankProgram} result is written where {@code HHG_MPI_RESULT} says.
 */
public final class RankMain {

    private RankMain() {
    }

    public static void main(String[] argv) {
        if (argv.length == 0) {
            System.err.println("usage: hitchhiker.mpi.RankMain <main class> [args...]");
            System.exit(2);
        }
        exit(run(argv[0], Arrays.asList(argv).subList(1, argv.length), RankMain.class.getClassLoader()));
    }

    /**
     * Runs {@code className}, loaded by {@code loader} (a user's class path), as {@link #main}
     * does, and exits the JVM with the rank's status.
     */
    public static void runAndExit(String className, List<String> args, ClassLoader loader) {
        exit(run(className, args, loader));
    }

    private static void exit(int status) {
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    static int run(String className, List<String> args, ClassLoader loader) {
        String who = "rank ?";
        try {
            Comm world = Mpi.world();
            boolean spawned = Mpi.parent().isPresent();  // asked now: the program may finish message passing itself
            who = (spawned ? "spawned rank " : "rank ") + world.rank();
            Class<?> type = Class.forName(className, true, loader);
            Object result = null;
            if (RankProgram.class.isAssignableFrom(type)) {
                RankProgram program = (RankProgram) type.getDeclaredConstructor().newInstance();
                result = program.run(world, List.copyOf(args));
            } else {
                Method main = type.getMethod("main", String[].class);
                if (!Modifier.isStatic(main.getModifiers())) throw new IllegalArgumentException(className + ".main is not static");
                main.invoke(null, (Object) args.toArray(String[]::new));
            }
            String resultFile = System.getenv("HHG_MPI_RESULT");
            if (resultFile != null && world.rank() == 0 && !spawned) writeResult(Path.of(resultFile), result);
            Mpi.finish();
            return 0;
        } catch (ClassNotFoundException e) {
            System.err.println(who + ": no class '" + className + "' on the class path");
            return 2;
        } catch (NoSuchMethodException e) {
            System.err.println(who + ": " + className + " has no main(String[]) and is not a RankProgram");
            return 2;
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
            Mpi.failed(cause);
            System.out.flush();
            System.err.println(who + " failed: " + cause);
            cause.printStackTrace(System.err);
            return 1;
        }
    }

    private static void writeResult(Path file, Object result) throws IOException {
        if (result != null && !(result instanceof Serializable)) {
            throw new IllegalArgumentException("rank 0's result " + result.getClass().getName() + " is not Serializable");
        }
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(result);
        }
    }
}
