package co.vigia.web.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of a page: {@code ?lang=es|en} (the visible switch) sets it and a cookie keeps it; without the
 * cookie, the browser's Accept-Language picks among Spanish and English; Spanish otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class I18nConfiguration implements WebMvcConfigurer {

    public static final String COOKIE = "vigia-lang";

    private final CookieLocaleResolver resolver = newResolver();

    @Bean
    LocaleResolver localeResolver() {
        return resolver;
    }

    private static CookieLocaleResolver newResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(I18nConfiguration::fromAcceptLanguage);
        return resolver;
    }

    static Locale fromAcceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header),
                        Languages.SUPPORTED.stream().flatMap(l -> java.util.stream.Stream.of(l,
                                Locale.forLanguageTag(l.getLanguage()))).toList());
                if (best != null) {
                    return Languages.of(best.toLanguageTag()).orElse(Languages.SPANISH);
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is the browser's problem, not a reason to refuse the page
            }
        }
        return Languages.SPANISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Languages.of(request.getParameter("lang")).ifPresent(locale ->
                        resolver.setLocale(request, response, locale));
                return true;
            }
        }).order(0);
    }
}
