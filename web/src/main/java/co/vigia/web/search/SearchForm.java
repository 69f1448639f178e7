package co.vigia.web.search;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.web.record.BillApi;
import co.vigia.web.record.Stage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search form as a visitor filled it in: text, stage, kind, topic, chamber of origin, page. A value that names
 * no stage, kind or chamber is an error beside its field ({@code errors}: field to bundle key), not a silent reset.
 */
public record SearchForm(String q, String stage, String kind, String topic, String chamber, int page,
                         Map<String, String> errors) {

    public static final int MAX_TEXT = 200;

    public static SearchForm of(String q, String stage, String kind, String topic, String chamber, String page) {
        Map<String, String> errors = new LinkedHashMap<>();
        String text = blankToNull(q);
        if (text != null && text.length() > MAX_TEXT) {
            errors.put("q", "search.error.tooLong");
        }
        check(errors, "stage", stage, s -> Stage.filterable().stream().anyMatch(x -> x.name().equals(s)));
        check(errors, "kind", kind, s -> isConstant(BillKind.class, s));
        check(errors, "chamber", chamber, s -> isConstant(Chamber.class, s));
        int p = 0;
        if (blankToNull(page) != null) {
            try {
                p = Integer.parseInt(page.strip());
                if (p < 0 || p > 10_000) {
                    errors.put("page", "search.error.page");
                    p = 0;
                }
            } catch (NumberFormatException e) {
                errors.put("page", "search.error.page");
            }
        }
        String t = blankToNull(topic);
        if (t != null && t.length() > MAX_TEXT) {
            errors.put("topic", "search.error.tooLong");
        }
        return new SearchForm(text, blankToNull(stage), blankToNull(kind), t, blankToNull(chamber), p,
                Map.copyOf(errors));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public boolean isEmpty() {
        return q == null && stage == null && kind == null && topic == null && chamber == null;
    }

    /** The query for bill-service; call only when {@link #valid()}. */
    public BillApi.Query query() {
        return new BillApi.Query(q, stage == null ? null : Stage.valueOf(stage),
                kind == null ? null : BillKind.valueOf(kind), topic, chamber == null ? null : Chamber.valueOf(chamber));
    }

    private static void check(Map<String, String> errors, String field, String value,
                              java.util.function.Predicate<String> known) {
        String v = blankToNull(value);
        if (v != null && !known.test(v)) {
            errors.put(field, "search.error.unknown");
        }
    }

    private static <E extends Enum<E>> boolean isConstant(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
