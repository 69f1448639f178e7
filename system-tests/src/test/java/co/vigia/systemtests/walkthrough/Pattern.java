package co.vigia.systemtests.walkthrough;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A response body as a page shows it: JSON where {@code ...} or {@code …} stands for what the page leaves out.
 * <ul>
 *   <li>an object lists the fields it checks; others may be there; a bare name ({@code {deliveryId, eventId}})
 *   only needs the field present;</li>
 *   <li>an array lists its items in order; {@code ...} among them stands for any number of items
 *   ({@code [..., {"type":"VOTE"}]}: the last one is a vote); {@code [...]} is any array;</li>
 *   <li>a string with {@code …} in it matches what the ellipsis leaves out ({@code "whsec_…"}: any secret);
 *   {@code "<voteId>"} in angle brackets, or a bare {@code …}, matches any value;</li>
 *   <li>numbers, booleans and null match themselves.</li>
 * </ul>
 */
public sealed interface Pattern {

    /** Adds to {@code problems} where {@code actual} (at {@code path}) does not match. */
    void match(JsonNode actual, String path, List<String> problems);

    record Any() implements Pattern {
        @Override
        public void match(JsonNode actual, String path, List<String> problems) {
            if (actual == null || actual.isMissingNode()) {
                problems.add(path + ": missing");
            }
        }
    }

    record Obj(Map<String, Pattern> fields) implements Pattern {
        @Override
        public void match(JsonNode actual, String path, List<String> problems) {
            if (actual == null || !actual.isObject()) {
                problems.add(path + ": expected an object, got " + actual);
                return;
            }
            fields.forEach((name, pattern) -> pattern.match(actual.get(name) == null ? tools.jackson.databind.node
                    .MissingNode.getInstance() : actual.get(name), path + "." + name, problems));
        }
    }

    /** Items in order; a null item is an ellipsis: any number of items there. */
    record Arr(List<Pattern> items) implements Pattern {
        @Override
        public void match(JsonNode actual, String path, List<String> problems) {
            if (actual == null || !actual.isArray()) {
                problems.add(path + ": expected an array, got " + actual);
                return;
            }
            if (!items.contains(null)) {
                if (actual.size() != items.size()) {
                    problems.add(path + ": expected " + items.size() + " items, got " + actual);
                    return;
                }
                for (int i = 0; i < items.size(); i++) {
                    items.get(i).match(actual.get(i), path + "[" + i + "]", problems);
                }
                return;
            }
            // the shown items in order, anchored at an end that has no ellipsis
            int at = 0;
            for (int k = 0; k < items.size(); k++) {
                Pattern item = items.get(k);
                if (item == null) {
                    continue;
                }
                boolean anchoredStart = k == 0;
                boolean anchoredEnd = k == items.size() - 1;
                int found = -1;
                for (int i = anchoredEnd ? Math.max(at, actual.size() - 1) : at; i < actual.size(); i++) {
                    List<String> none = new ArrayList<>();
                    item.match(actual.get(i), path + "[" + i + "]", none);
                    if (none.isEmpty()) {
                        found = i;
                        break;
                    }
                    if (anchoredStart) {
                        break;
                    }
                }
                if (found < 0) {
                    problems.add(path + ": no item " + (anchoredStart ? "first " : anchoredEnd ? "last " : "")
                            + "matches " + item + " in " + actual);
                    return;
                }
                at = found + 1;
            }
        }
    }

    /** A scalar: exact, or pieces that the ellipses split it into, found in order. */
    record Scalar(String text, boolean string) implements Pattern {
        @Override
        public void match(JsonNode actual, String path, List<String> problems) {
            if (actual == null || actual.isMissingNode()) {
                problems.add(path + ": missing");
                return;
            }
            // a JSON null reads as "null", as the page writes it
            String value = actual.isNull() ? "null" : actual.isValueNode() ? actual.asString() : actual.toString();
            if (!Text.matches(text, value) || (!string && actual.isString())) {
                problems.add(path + ": expected " + (string ? "\"" + text + "\"" : text) + ", got " + actual);
            }
        }
    }

    /** Parses the JSON pattern at the start of {@code text}; {@link Parsed#end()} is where it stops. */
    static Parsed parse(String text) {
        Parser parser = new Parser(text);
        Pattern pattern = parser.value();
        return new Parsed(pattern, parser.pos);
    }

    record Parsed(Pattern pattern, int end) {
    }

    /** Text with ellipses: each piece in order, the first at the start and the last at the end. */
    final class Text {
        private Text() {
        }

        static boolean matches(String pattern, String value) {
            String[] pieces = pattern.replace("...", "…").split("…", -1);
            if (pieces.length == 1) {
                return pattern.equals(value);
            }
            if (!value.startsWith(pieces[0])) {
                return false;
            }
            int at = pieces[0].length();
            for (int i = 1; i < pieces.length - 1; i++) {
                int found = value.indexOf(pieces[i], at);
                if (found < 0) {
                    return false;
                }
                at = found + pieces[i].length();
            }
            String last = pieces[pieces.length - 1];
            return value.length() - last.length() >= at && value.endsWith(last);
        }
    }

    final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Pattern value() {
            skip();
            if (ellipsis()) {
                return new Any();
            }
            char c = peek();
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '"') {
                String s = string();
                return s.startsWith("<") && s.endsWith(">") ? new Any() : new Scalar(s, true);
            }
            int start = pos;
            while (pos < text.length() && ",}] \n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (start == pos) {
                throw error("a value");
            }
            return new Scalar(text.substring(start, pos), false);
        }

        private Pattern object() {
            pos++;
            Map<String, Pattern> fields = new LinkedHashMap<>();
            while (true) {
                skip();
                if (peek() == '}') {
                    pos++;
                    return new Obj(fields);
                }
                if (!ellipsis()) {
                    String name = peek() == '"' ? string() : bareName();
                    skip();
                    if (peek() == ':') {
                        pos++;
                        fields.put(name, value());
                    } else {
                        fields.put(name, new Any());
                    }
                }
                skip();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("',' or '}'");
                }
            }
        }

        private Pattern array() {
            pos++;
            List<Pattern> items = new ArrayList<>();
            while (true) {
                skip();
                if (peek() == ']') {
                    pos++;
                    return new Arr(java.util.Collections.unmodifiableList(items));
                }
                if (ellipsis()) {
                    items.add(null);
                } else {
                    items.add(value());
                }
                skip();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ']') {
                    throw error("',' or ']'");
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (peek() != '"') {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    char e = text.charAt(pos++);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            pos++;
            return out.toString();
        }

        private String bareName() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("a field name");
            }
            return text.substring(start, pos);
        }

        private boolean ellipsis() {
            if (text.startsWith("...", pos)) {
                pos += 3;
                return true;
            }
            if (text.startsWith("…", pos)) {
                pos++;
                return true;
            }
            return false;
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("more");
            }
            return text.charAt(pos);
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("expected " + expected + " at " + pos + " in: " + text);
        }
    }
}
