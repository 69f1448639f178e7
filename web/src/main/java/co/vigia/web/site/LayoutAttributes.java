package co.vigia.web.site;

import co.vigia.web.i18n.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout needs, as request attributes (so error pages have them too): the page's language, the
 * other one, and this same page's address in the other language.
 */
@Configuration(proxyBeanMethods = false)
public class LayoutAttributes implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Locale locale = RequestContextUtils.getLocale(request);
                String other = Languages.other(locale);
                request.setAttribute("pageLanguage", Languages.of(locale.toLanguageTag()).orElse(Languages.SPANISH)
                        .getLanguage());
                request.setAttribute("otherLanguage", other);
                request.setAttribute("languageSwitchUrl", UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString()).replaceQueryParam("lang", other).build().toUriString());
                return true;
            }
        }).order(1);
    }
}
