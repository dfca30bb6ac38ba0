package hitchhiker.cli;

import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code hhg list}: every example, part by part, with its title and the workshop cell it mirrors. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "List every example, part by part, with the workshop cell it mirrors.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    private Hhg hhg;

    @Option(names = {"-p", "--params"}, description = "Also show each example's parameters, defaults and allowed values.")
    private boolean params;

    @Override
    public Integer call() {
        for (int part = 1; part <= Catalogue.PART_TITLES.size(); part++) {
            hhg.out().println(Catalogue.PART_TITLES.get(part - 1));
            Table t = new Table("id", "title", "mirrors");
            int count = 0;
            for (Example e : hhg.catalogue().all()) {
                if (e.part() != part) continue;
                t.row(e.id(), e.title(), e.mirrors());
                count++;
            }
            if (count == 0) {
                hhg.out().println("  (no examples yet)");
            } else if (!params) {
                hhg.out().print(t.render("  "));
            } else {
                for (Example e : hhg.catalogue().all()) {
                    if (e.part() != part) continue;
                    hhg.out().println("  " + e.id() + " — " + e.title() + "  [" + e.mirrors() + "]");
                    for (Param p : e.params()) {
                        hhg.out().println("      " + p.name() + "=" + p.defaultValue()
                                + (p.workshopValue().equals(p.defaultValue()) ? "" : " (workshop: " + p.workshopValue() + ")")
                                + (p.quickValue().equals(p.defaultValue()) ? "" : " (quick: " + p.quickValue() + ")")
                                + "  " + p.description() + "; " + p.allowed());
                    }
                }
            }
            hhg.out().println();
        }
        hhg.out().println("Run one with: hhg run <id> [name=value ...]   All of them: hhg tour");
        return 0;
    }
}
