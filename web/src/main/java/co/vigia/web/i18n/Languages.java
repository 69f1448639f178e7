package co.vigia.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The site's languages: Spanish as written in Colombia first, English second. */
public final class Languages {

    public static final Locale SPANISH = Locale.forLanguageTag("es-CO");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(SPANISH, ENGLISH);

    private Languages() {
    }

    /** The supported language a code names ({@code es}, {@code es-CO}, {@code en}, {@code en-GB}), if any. */
    public static Optional<Locale> of(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(code.trim()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The code of the other language, for the switch. */
    public static String other(Locale current) {
        return ENGLISH.getLanguage().equals(current.getLanguage()) ? "es" : "en";
    }
}
