package hitchhiker.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code hhg} commands a Markdown page quotes: in code blocks (other than Java
 * listings), one command per line with {@code \} continuations joined, and in inline code spans.
 * A command may follow other words on its line ({@code mpirun -np 2 ./hhg exec ...},
 * {@code echo '...' | ./hhg shell}); it ends at a shell operator ({@code | ; && > <}) or an
 * unquoted {@code #} comment. Words are split as a POSIX shell would, quotes removed.
 */
final class QuotedCommands {

    /** A command as quoted: its page line, its words after {@code hhg}, and the text it came from. */
    record Quoted(int line, List<String> args, String text) {
        /** A usage pattern such as {@code hhg run <id> [name=value ...]}, not a runnable line. */
        boolean template() {
            return TEMPLATE.matcher(text).find();
        }

        @Override
        public String toString() {
            return "line " + line + ": " + text.strip();
        }
    }

    private static final Pattern INLINE = Pattern.compile("`([^`]+)`");
    private static final Pattern TEMPLATE = Pattern.compile("<[A-Za-z][\\w -]*>|\\[[^\\]]*]|\\.\\.\\.|…");
    private static final List<String> OPERATORS = List.of("|", "||", "&&", ";", ">", ">>", "<", "2>", "2>&1", "&");

    private QuotedCommands() {
    }

    /** Every command quoted on the page, in order. */
    static List<Quoted> in(String markdown) {
        List<Quoted> out = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        boolean inFence = false;
        boolean javaFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.startsWith("```")) {
                inFence = !inFence;
                javaFence = inFence && stripped.substring(3).strip().startsWith("java");
                continue;
            }
            if (inFence) {
                if (javaFence) continue;
                int first = i;
                StringBuilder joined = new StringBuilder(line);
                while (joined.toString().endsWith("\\") && i + 1 < lines.size()) {
                    joined.setLength(joined.length() - 1);
                    joined.append(' ').append(lines.get(++i).strip());
                }
                command(first + 1, joined.toString()).ifPresent(out::add);
            } else {
                Matcher m = INLINE.matcher(line);
                while (m.find()) command(i + 1, m.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static java.util.Optional<Quoted> command(int line, String text) {
        List<Word> words = split(text);
        for (int w = 0; w < words.size(); w++) {
            Word word = words.get(w);
            if (word.quoted() || !(word.text().equals("hhg") || word.text().endsWith("/hhg"))) continue;
            List<String> args = new ArrayList<>();
            for (Word a : words.subList(w + 1, words.size())) {
                if (!a.quoted() && (OPERATORS.contains(a.text()) || a.text().startsWith("#"))) break;
                args.add(a.text());
            }
            return java.util.Optional.of(new Quoted(line, args, text));
        }
        return java.util.Optional.empty();
    }

    /** A word of a shell line; {@code quoted} when any part of it was in quotes. */
    private record Word(String text, boolean quoted) {
    }

    /** Splits a line into words as a POSIX shell does (quotes and backslashes; no expansion). */
    private static List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < text.length()) cur.append(text.charAt(++i));
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
                quoted = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                cur.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(new Word(cur.toString(), quoted));
                cur.setLength(0);
                inWord = false;
                quoted = false;
            } else if ((c == '|' || c == ';' || c == '&' || c == '>' || c == '<') && !inWord) {
                // An operator not glued to a word: a word of its own, e.g. "|" or "&&".
                int j = i;
                while (j < text.length() && "|;&><".indexOf(text.charAt(j)) >= 0) j++;
                words.add(new Word(text.substring(i, j), false));
                i = j - 1;
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(new Word(cur.toString(), quoted));
        return words;
    }
}
