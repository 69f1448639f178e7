package co.vigia.systemtests.walkthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The part of the shell a walkthrough's {@code bash} block uses, read as bash reads it: commands ended by a
 * newline or {@code ;}, {@code \}-newline continuations, single quotes (literal, may span lines), double quotes
 * (with {@code $VAR}), {@code $VAR}, {@code ${VAR}}, {@code $(...)}, pipes and {@code #} comments. Comment lines
 * right after a command (no blank line between) belong to it: they carry its expected response.
 */
public final class Script {

    /** A piece of a word: literal text, a variable, or a command substitution. */
    public sealed interface Part permits Lit, Var, Sub {
    }

    public record Lit(String text) implements Part {
    }

    public record Var(String name) implements Part {
    }

    public record Sub(String script) implements Part {
    }

    /** One shell word; {@link #expand} gives its value. */
    public record Word(List<Part> parts) {

        public String expand(Map<String, String> env, Function<String, String> substitute) {
            StringBuilder out = new StringBuilder();
            for (Part part : parts) {
                switch (part) {
                    case Lit lit -> out.append(lit.text());
                    case Var var -> out.append(env.getOrDefault(var.name(), ""));
                    case Sub sub -> out.append(substitute.apply(sub.script()));
                }
            }
            return out.toString();
        }

        /** The word's text when it holds no variable or substitution, else null. */
        public String literal() {
            StringBuilder out = new StringBuilder();
            for (Part part : parts) {
                if (!(part instanceof Lit lit)) {
                    return null;
                }
                out.append(lit.text());
            }
            return out.toString();
        }
    }

    /** A pipeline ({@code a | b}), the line it starts on, and the comments that follow it. */
    public record Command(List<List<Word>> pipeline, int line, List<String> comments) {

        public List<Word> first() {
            return pipeline.get(0);
        }
    }

    private final String text;
    private int pos;
    private int line;

    private Script(String text, int firstLine) {
        this.text = text;
        this.line = firstLine;
    }

    /** Parses a script; {@code firstLine} numbers its lines in error messages (the page's line number). */
    public static List<Command> parse(String text, int firstLine) {
        return new Script(text, firstLine).commands();
    }

    private List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        List<List<Word>> pipeline = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        int start = line;
        boolean blankSince = true; // a comment after a blank line starts a new paragraph, not an expectation
        Command last = null;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '\n' || c == ';') {
                boolean hadWords = !words.isEmpty() || !pipeline.isEmpty();
                if (hadWords) {
                    pipeline.add(words);
                    last = new Command(List.copyOf(pipeline), start, comments);
                    commands.add(last);
                    pipeline = new ArrayList<>();
                    words = new ArrayList<>();
                    comments = new ArrayList<>();
                    blankSince = false;
                } else if (c == '\n' && !lineHadComment()) {
                    blankSince = true;
                }
                pos++;
                if (c == '\n') {
                    line++;
                }
            } else if (c == '#') {
                int end = text.indexOf('\n', pos);
                String comment = text.substring(pos + 1, end < 0 ? text.length() : end).strip();
                pos = end < 0 ? text.length() : end;
                if (!words.isEmpty() || !pipeline.isEmpty()) {
                    comments.add(comment);
                } else if (last != null && !blankSince) {
                    last.comments().add(comment);
                }
            } else if (c == '|') {
                pipeline.add(words);
                words = new ArrayList<>();
                pos++;
            } else {
                if (words.isEmpty() && pipeline.isEmpty()) {
                    start = line;
                }
                words.add(word());
            }
        }
        if (!words.isEmpty() || !pipeline.isEmpty()) {
            pipeline.add(words);
            commands.add(new Command(List.copyOf(pipeline), start, comments));
        }
        return commands;
    }

    /** Whether the line just ending held only a comment (so it is not a blank line). */
    private boolean lineHadComment() {
        int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
        return !text.substring(lineStart, pos).isBlank();
    }

    private Word word() {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '|') {
                break;
            }
            if (c == '\'') {
                int end = text.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("line " + line + ": unclosed single quote");
                }
                String quoted = text.substring(pos + 1, end);
                line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                lit.append(quoted);
                pos = end + 1;
            } else if (c == '"') {
                pos++;
                while (pos < text.length() && text.charAt(pos) != '"') {
                    char d = text.charAt(pos);
                    if (d == '\\' && pos + 1 < text.length() && "\"\\$`".indexOf(text.charAt(pos + 1)) >= 0) {
                        lit.append(text.charAt(pos + 1));
                        pos += 2;
                    } else if (d == '$') {
                        dollar(parts, lit);
                    } else {
                        if (d == '\n') {
                            line++;
                        }
                        lit.append(d);
                        pos++;
                    }
                }
                pos++;
            } else if (c == '$') {
                dollar(parts, lit);
            } else if (c == '\\' && pos + 1 < text.length()) {
                lit.append(text.charAt(pos + 1));
                pos += 2;
            } else {
                lit.append(c);
                pos++;
            }
        }
        if (!lit.isEmpty()) {
            parts.add(new Lit(lit.toString()));
        }
        return new Word(List.copyOf(parts));
    }

    /** {@code $NAME}, {@code ${NAME}} or {@code $(command)} at {@code pos}. */
    private void dollar(List<Part> parts, StringBuilder lit) {
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : ' ';
        if (next == '(') {
            int depth = 0;
            int i = pos + 1;
            char quote = 0;
            for (; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quote != 0) {
                    quote = ch == quote ? 0 : quote;
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '(') {
                    depth++;
                } else if (ch == ')' && --depth == 0) {
                    break;
                }
            }
            flush(parts, lit);
            parts.add(new Sub(text.substring(pos + 2, i)));
            pos = i + 1;
        } else if (next == '{') {
            int end = text.indexOf('}', pos);
            flush(parts, lit);
            parts.add(new Var(text.substring(pos + 2, end)));
            pos = end + 1;
        } else if (Character.isLetter(next) || next == '_') {
            int i = pos + 1;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            flush(parts, lit);
            parts.add(new Var(text.substring(pos + 1, i)));
            pos = i;
        } else {
            lit.append('$');
            pos++;
        }
    }

    private static void flush(List<Part> parts, StringBuilder lit) {
        if (!lit.isEmpty()) {
            parts.add(new Lit(lit.toString()));
            lit.setLength(0);
        }
    }
}
