package co.vigia.web.ops;

import co.vigia.web.ops.overview.Overview;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The console's figures as an operator reads them: durations in ms, s, min or h; rates in per cent; ids shortened to
 * their first block; the webhook failure rate counted as the Prometheus alert counts it (failed HTTP attempts over all
 * HTTP attempts: a delivery held back by an open circuit or abandoned made no call). Templates call
 * {@code ${@figures.seconds(x)}}.
 */
@Component("figures")
public class Figures {

    static final List<String> ATTEMPTED = List.of("delivered", "retrying", "failed");
    static final List<String> FAILED = List.of("retrying", "failed");

    public String seconds(Double value) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (value < 1) {
            return Math.round(value * 1000) + " ms";
        }
        if (value < 120) {
            return String.format(locale, "%.1f s", value);
        }
        if (value < 7200) {
            return Math.round(value / 60) + " min";
        }
        return String.format(locale, "%.1f h", value / 3600);
    }

    public String percent(double rate) {
        return String.format(LocaleContextHolder.getLocale(), rate > 0 && rate < 0.1 ? "%.1f %%" : "%.0f %%",
                rate * 100);
    }

    public String number(Number value) {
        return value == null ? "–" : String.format(LocaleContextHolder.getLocale(), "%,d", value.longValue());
    }

    public String decimal(Double value) {
        return value == null ? "–" : String.format(LocaleContextHolder.getLocale(), "%.2f", value);
    }

    /** Ids are UUIDs: the first block tells them apart on one screen; the page's title attribute has the whole id. */
    public String shortId(String id) {
        return id == null ? "–" : id.length() > 13 ? id.substring(0, 8) + "…" : id;
    }

    /** Failed HTTP attempts over all HTTP attempts in the window, or null when there were none. */
    public Double failureRate(Overview.Deliveries deliveries) {
        Map<String, Long> byOutcome = deliveries.byOutcome();
        long attempted = ATTEMPTED.stream().mapToLong(o -> byOutcome.getOrDefault(o, 0L)).sum();
        long failed = FAILED.stream().mapToLong(o -> byOutcome.getOrDefault(o, 0L)).sum();
        return attempted == 0 ? null : (double) failed / attempted;
    }
}
