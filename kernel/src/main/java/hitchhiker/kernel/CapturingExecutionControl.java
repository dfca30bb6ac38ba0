package hitchhiker.kernel;

import jdk.jshell.execution.LocalExecutionControl;

import java.lang.reflect.Field;

/**
 * JShell's in-process execution engine, keeping the objects that JShell itself only turns into
 * strings: the value of a variable read through {@code JShell.varValue} and the exception a
 * snippet threw, with its cause chain and stack intact.
 *
 * <p>Running snippets in the kernel's own JVM (JShell's "local" engine) instead of a second JVM
 * driven over JDI saves that JVM's start and a socket round trip per snippet; the local engine
 * still supports {@code JShell.stop()} by checking a flag at every backward branch of snippet code.
 * A kernel evaluates one cell at a time, so one slot for each kind of object is enough.
 */
final class CapturingExecutionControl extends LocalExecutionControl {

    private Object lastValue;
    private Throwable lastFailure;

    CapturingExecutionControl(ClassLoader parent) {
        super(parent);
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            lastValue = field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new InternalException("cannot read " + className + "." + varName + ": " + e);
        }
        return super.varValue(className, varName);
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        lastFailure = cause;
        return super.throwConvertedInvocationException(cause);
    }

    /** The object last read by {@code varValue}, then forgotten. */
    Object takeValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    /** The exception the last failed snippet threw, or null; then forgotten. */
    Throwable takeFailure() {
        Throwable t = lastFailure;
        lastFailure = null;
        return t;
    }
}
