/**
 * Processes as a model of parallelism, after Python's {@code multiprocessing}: a
 * {@link hitchhiker.process.ProcessPool} of worker JVMs, a {@link hitchhiker.process.JvmProcess}
 * for one function in a new JVM, queues ({@link hitchhiker.process.ProcessQueue},
 * {@link hitchhiker.process.JoinableQueue}, {@link hitchhiker.process.SimpleQueue}) and
 * {@link hitchhiker.process.Pipe}s between JVMs, and shared memory
 * ({@link hitchhiker.process.SharedDouble}, {@link hitchhiker.process.SharedIntArray} and friends)
 * mapped into several JVMs at once.
 *
 * <p>Work travels as {@link hitchhiker.process.SerializableFunction}s: lambdas and method
 * references that Java can serialize. Child JVMs get this JVM's class path, module path and the
 * toolkit's flags, so a lambda written here runs there; a class they cannot load (typed into
 * JShell, generated at run time) travels as bytecode. No child outlives its parent, and the files
 * of a JVM that was killed are removed by the next (see {@link hitchhiker.process.RuntimeFiles}).
 */
package hitchhiker.process;
