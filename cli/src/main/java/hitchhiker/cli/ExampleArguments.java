package hitchhiker.cli;

import hitchhiker.examples.Assignments;
import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The arguments of a command that runs one example: {@code ID [NAME=VALUE ...]}. */
final class ExampleArguments {

    @Parameters(index = "0", paramLabel = "ID", description = "The example's id (see hhg list).")
    private String id;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "The example's parameters.")
    private List<String> assignments = new ArrayList<>();

    /** The example named, or a {@link hitchhiker.examples.BadInputException} that suggests ids. */
    Example example(Catalogue catalogue) {
        return catalogue.get(id);
    }

    /** The parameter values assigned, parsed against {@code example}'s parameters. */
    Map<String, Object> values(Example example) {
        return Assignments.parse(example, assignments);
    }
}
