package co.vigia.web.site;

import co.vigia.web.i18n.Languages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's layout needs: the language switch's link and the page's language. */
@ControllerAdvice
public class LayoutAdvice {

    /** This same page in the other language: the current path and query, {@code lang} replaced. */
    @ModelAttribute("languageSwitchUrl")
    public String languageSwitchUrl(HttpServletRequest request, Locale locale) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", Languages.other(locale)).build().toUriString();
    }

    @ModelAttribute("otherLanguage")
    public String otherLanguage(Locale locale) {
        return Languages.other(locale);
    }

    @ModelAttribute("pageLanguage")
    public String pageLanguage(Locale locale) {
        return Languages.of(locale.toLanguageTag()).orElse(Languages.SPANISH).getLanguage();
    }
}
