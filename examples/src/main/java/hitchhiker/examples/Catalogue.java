package hitchhiker.examples;

import hitchhiker.examples.part1.Part1;
import hitchhiker.examples.part2.Part2;
import hitchhiker.examples.part3.Part3;
import hitchhiker.examples.part4.Part4;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every example of the guide, part by part, found by id. */
public final class Catalogue {

    /** The parts' titles, in guide order. */
    public static final List<String> PART_TITLES = List.of(
            "Part 1: processes (multiprocessing)",
            "Part 2: JIT, SIMD and data-parallel loops (Numba)",
            "Part 3: shared-memory threads, OpenMP style (Cython + OpenMP)",
            "Part 4: message passing (mpi4py)");

    /** The guide's chapter for each part, in part order. */
    public static final List<String> PART_GUIDES = List.of("docs/01-processes.md", "docs/02-jit-simd-streams.md",
            "docs/03-openmp-threads.md", "docs/04-message-passing.md");

    private final Map<String, Example> byId = new LinkedHashMap<>();

    /** The guide's catalogue. */
    public static Catalogue guide() {
        return new Catalogue(Stream.of(Part1.examples(), Part2.examples(), Part3.examples(), Part4.examples())
                .flatMap(List::stream).toList());
    }

    /** A catalogue of the given examples; ids must be unique. */
    public Catalogue(List<Example> examples) {
        for (Example e : examples) {
            if (byId.putIfAbsent(e.id(), e) != null) throw new IllegalStateException("duplicate example id " + e.id());
        }
    }

    private static final java.util.regex.Pattern PART_ID = java.util.regex.Pattern.compile("part(\\d{1,9})\\..*");

    /** The part an example id {@code partN.name} names, N; 0 for an id of no part. */
    public static int part(String id) {
        java.util.regex.Matcher m = PART_ID.matcher(id);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The guide's chapter that teaches the example {@code id} ({@code partN.name}), or the guide's index. */
    public static String guideFile(String id) {
        int part = part(id);
        return part >= 1 && part <= PART_GUIDES.size() ? PART_GUIDES.get(part - 1) : "docs/README.md";
    }

    /** Every example, in guide order. */
    public List<Example> all() {
        return List.copyOf(byId.values());
    }

    /** The example with this id, if there is one. */
    public Optional<Example> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The example with this id, or a {@link BadInputException} that suggests the closest ids:
     * {@code unknown example 'part3.julai' — did you mean part3.julia? (hhg list)}.
     */
    public Example get(String id) {
        return find(id).orElseThrow(() -> new BadInputException(unknownMessage(id)));
    }

    private String unknownMessage(String id) {
        // The ids nearest to what was typed (a short name such as "julia" matches its part's id).
        List<String> candidates = byId.keySet().stream()
                .filter(k -> distance(k, id) <= Math.max(2, id.length() / 3) || k.endsWith("." + id))
                .toList();
        int nearest = candidates.stream().mapToInt(k -> k.endsWith("." + id) ? 0 : distance(k, id)).min().orElse(0);
        List<String> close = candidates.stream()
                .filter(k -> (k.endsWith("." + id) ? 0 : distance(k, id)) == nearest)
                .limit(3).toList();
        String hint = close.isEmpty() ? "" : " — did you mean " + String.join(" or ", close) + "?";
        return "unknown example '" + id + "'" + hint + " (hhg list)";
    }

    /** Levenshtein distance, for suggestions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
