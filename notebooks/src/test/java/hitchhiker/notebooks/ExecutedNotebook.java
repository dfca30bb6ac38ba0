package hitchhiker.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A notebook file after a run: its code cells with their source, tags and outputs. */
record ExecutedNotebook(String name, List<CodeCell> cells) {

    /** One code cell: what it ran and what came out (streams, results, errors, as text and MIME types). */
    record CodeCell(String source, List<String> tags, String text, List<String> mimeTypes, List<String> errors) {

        boolean skipped() {
            return tags.contains(Cell.SKIP_EXECUTION);
        }
    }

    static ExecutedNotebook read(Path file) throws IOException {
        JsonNode nb = new ObjectMapper().readTree(file.toFile());
        List<CodeCell> cells = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) continue;
            List<String> tags = new ArrayList<>();
            cell.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
            StringBuilder text = new StringBuilder();
            List<String> mimes = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (JsonNode out : cell.path("outputs")) {
                switch (out.path("output_type").asText()) {
                    case "stream" -> text.append(joined(out.path("text")));
                    case "execute_result", "display_data" -> {
                        out.path("data").fieldNames().forEachRemaining(mimes::add);
                        text.append(joined(out.path("data").path("text/plain"))).append('\n');
                    }
                    case "error" -> errors.add(out.path("ename").asText() + ": " + out.path("evalue").asText()
                            + "\n" + String.join("\n", lines(out.path("traceback"))));
                    default -> { }
                }
            }
            cells.add(new CodeCell(joined(cell.path("source")), tags, text.toString(), mimes, errors));
        }
        return new ExecutedNotebook(file.getFileName().toString(), cells);
    }

    private static List<String> lines(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Jupyter stores texts as one string or as a list of lines. */
    private static String joined(JsonNode node) {
        if (node.isTextual()) return node.asText();
        StringBuilder sb = new StringBuilder();
        node.forEach(n -> sb.append(n.asText()));
        return sb.toString();
    }
}
