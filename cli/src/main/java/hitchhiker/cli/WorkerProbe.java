package hitchhiker.cli;

/** The main class {@code hhg doctor} starts in a new JVM to see that worker JVMs can start. */
final class WorkerProbe {

    static final String ANSWER = "hitchhiker worker ready";

    private WorkerProbe() {
    }

    public static void main(String[] args) {
        System.out.println(ANSWER);
    }
}
