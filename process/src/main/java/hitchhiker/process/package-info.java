/**
 * Processes as a model of parallelism, after Python's {@code multiprocessing}: a
 * {@link hitchhiker.process.ProcessPool} of worker JVMs, a {@link hitchhiker.process.JvmProcess}
 * for one function in a new JVM, a {@link hitchhiker.process.ProcessQueue} shared by JVMs, and
 * shared memory ({@link hitchhiker.process.SharedDouble}, {@link hitchhiker.process.SharedIntArray}
 * and friends) mapped into several JVMs at once.
 *
 * <p>Work travels as {@link hitchhiker.process.SerializableFunction}s: lambdas and method
 * references that Java can serialize. Child JVMs get this JVM's class path, module path and the
 * toolkit's flags, so a lambda written here runs there. No child outlives its parent.
 */
package hitchhiker.process;
