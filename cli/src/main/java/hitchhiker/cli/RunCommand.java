package hitchhiker.cli;

import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code hhg run <id> [name=value ...]}: times one example's variants and checks its result. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run one example: its variants timed, compared and checked.",
                "Each variant is warmed up until steady, then timed at least --repeat times; the",
                "table shows the median with its uncertainty, the speed-up against the serial",
                "variant, and the check of the result."},
        footer = {"", "Examples:", "  hhg run part1.primes range=C --workers 2",
                "  hhg run part3.julia resolution=1000 --threads 2 --json"})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private Hhg hhg;

    @Mixin
    private ExampleArguments arguments;

    @Mixin
    private RunOptions options;

    @Override
    public Integer call() {
        options.validate();
        Example example = arguments.example(hhg.catalogue());
        PrintStream exampleOut = options.json ? hhg.err() : hhg.out();
        Settings settings = options.settings(example, exampleOut).with(arguments.values(example));
        if (!options.json) hhg.out().println(example.id() + " — " + example.title());
        hhg.out().flush();
        ProgressLine progress = options.json ? new ProgressLine(hhg.err(), false) : ProgressLine.on(hhg.err());
        progress.start("");
        ExampleRun run = options.harness(progress).run(example, settings);
        progress.finish("");
        hhg.out().print(options.json ? Json.write(RunFormat.json(run)) + "\n" : RunFormat.text(run));
        hhg.out().flush();
        return run.check().passed() ? 0 : 1;
    }
}
