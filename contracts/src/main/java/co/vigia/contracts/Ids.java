package co.vigia.contracts;

import java.util.regex.Pattern;

/**
 * The one shape of ids that travel between services, and what names may hold. A bill id is a slug everywhere
 * (bill-service creates it, vote-service and notify-service receive it), so an id one service refuses is refused at
 * the edge of every other one, instead of failing a call between them.
 */
public final class Ids {

    /** A bill id (and a topic): lower-case letters, digits and single hyphens, 3 to 80 characters. */
    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String SLUG_MESSAGE = "must be a slug: lower-case letters, digits and single hyphens";
    public static final int SLUG_MIN = 3;
    public static final int SLUG_MAX = 80;

    /**
     * Ids from outside and names: no control character (C0, DEL, C1: tab and newline included) and no bidi
     * override or isolate (U+202A..U+202E, U+2066..U+2069), which make a name display as another.
     */
    public static final String PRINTABLE = "[^\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]*";
    public static final String PRINTABLE_MESSAGE = "must not hold control characters or bidi overrides";

    private static final Pattern SLUG_PATTERN = Pattern.compile(SLUG);
    private static final Pattern PRINTABLE_PATTERN = Pattern.compile(PRINTABLE);

    private Ids() {
    }

    public static boolean isSlug(String id) {
        return id != null && id.length() >= SLUG_MIN && id.length() <= SLUG_MAX && SLUG_PATTERN.matcher(id).matches();
    }

    public static boolean isPrintable(String text) {
        return text == null || PRINTABLE_PATTERN.matcher(text).matches();
    }
}
