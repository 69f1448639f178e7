package co.vigia.web.portal;

import co.vigia.web.client.WebProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A delivery's moments to the second, in Bogotá time and the page's language ("6 de diciembre de 2026, 14:05:03"):
 * attempts a few seconds apart must read apart. Templates call {@code ${@portalTime.precise(instant)}}.
 */
@Component("portalTime")
public class PortalTime {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;

    public PortalTime(WebProperties properties) {
        this.zone = properties.zone();
    }

    public String precise(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        return DAY.localizedBy(LocaleContextHolder.getLocale()).format(local) + ", " + TIME.format(local);
    }
}
