package hitchhiker.examples.part2;

import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.VariantTiming;

/**
 * Runs go_fast and filter2d at small sizes and prints, per example, the check and the variants —
 * started by {@link WithoutVectorApiTest} in a JVM that lacks the Vector API module.
 */
public final class WithoutVectorApiMain {

    private WithoutVectorApiMain() {
    }

    public static void main(String[] args) {
        System.out.println("vector=" + VectorSupport.present());
        for (ExampleRun run : new ExampleRun[] {
                Part2Runs.run(GoFast.EXAMPLE, 2, System.out, "n=300"),
                Part2Runs.run(Filter2d.EXAMPLE, 2, System.out, "size=50", "filter=5")}) {
            System.out.println(run.example() + " passed=" + run.check().passed() + " " + run.check().detail()
                    + " variants=" + run.variants().stream().map(VariantTiming::name).toList());
        }
    }
}
