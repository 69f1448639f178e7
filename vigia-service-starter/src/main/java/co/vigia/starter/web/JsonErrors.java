package co.vigia.starter.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Jackson's errors in words a client can act on: the field (a path such as {@code members[3].vote}) and the reason,
 * without the class names and token names Jackson's messages carry ({@code co.vigia...}, {@code tools.jackson...}).
 */
public final class JsonErrors {

    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?\\s*(for|at) \\[Source.*", Pattern.DOTALL);

    private JsonErrors() {
    }

    /** The field path of the error, e.g. {@code members[3].vote}; empty when it concerns the whole document. */
    public static String field(JacksonException e) {
        if (e.getPath().isEmpty() && e instanceof StreamReadException read && read.processor() != null) {
            return where(read.processor().streamReadContext()); // a syntax error: where the parser stood
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String where(TokenStreamContext context) {
        String path = "";
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.currentName() != null) {
                path = at.currentName() + (path.isEmpty() || path.startsWith("[") ? "" : ".") + path;
            } else if (at.inArray() && at.hasCurrentIndex()) {
                path = "[" + at.getCurrentIndex() + "]" + (path.isEmpty() || path.startsWith("[") ? "" : ".") + path;
            }
        }
        return path;
    }

    /** Why the value or document was refused. */
    public static String reason(JacksonException e) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate Object property")) {
            return "is given twice";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "'" + shorten(String.valueOf(invalid.getValue())) + "' is not " + expected(invalid.getTargetType());
        }
        if (e instanceof StreamConstraintsException) {
            return "exceeds a limit: " + clean(e.getOriginalMessage().replaceAll(",? from `[^`]*`", ""));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !mismatch.getOriginalMessage().contains("through reference chain")) {
            String message = mismatch.getOriginalMessage();
            if (message.startsWith("Cannot deserialize") || message.startsWith("Cannot coerce")
                    || message.contains("Unexpected token")) {
                return "must be " + expected(mismatch.getTargetType());
            }
            if (message.contains("Missing required creator property") || message.contains("null value")) {
                return "must not be missing or null";
            }
        }
        return clean(e.getOriginalMessage());
    }

    /** What a value of this type looks like, in words. */
    static String expected(Class<?> type) {
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + (type == java.time.LocalDate.class ? "date (YYYY-MM-DD)" : "time") + " between "
                    + DateBounds.MIN + " and " + DateBounds.MAX;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another type";
    }

    /** Jackson's message without class names, token names and source locations. */
    static String clean(String message) {
        if (message == null) {
            return "the body is not valid JSON";
        }
        String text = SOURCE.matcher(message).replaceAll("");
        text = BACKTICKED.matcher(text).replaceAll("the value");
        text = text.replaceAll("JsonToken\\.[A-Z_]+", "token").replaceAll("\\b(co\\.vigia|tools\\.jackson)[\\w.$]*", "");
        return text.strip();
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
