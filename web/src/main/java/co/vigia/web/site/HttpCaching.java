package co.vigia.web.site;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of public pages: an ETag on each (a hash of the page; a browser or proxy that has it gets a 304) and
 * a short public Cache-Control, varying by the language cookie and Accept-Language (one URL, two languages).
 */
@Configuration(proxyBeanMethods = false)
public class HttpCaching {

    /** How long a browser or shared cache may reuse a public page without asking. */
    public static final Duration PUBLIC_MAX_AGE = Duration.ofSeconds(30);

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> bean = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        bean.addUrlPatterns("/", "/buscar", "/proyectos/*", "/votaciones/*", "/congresistas/*", "/sitemap.xml",
                "/robots.txt");
        return bean;
    }

    /** Marks a public page cacheable by anyone for {@link #PUBLIC_MAX_AGE}. */
    public static void publicPage(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.maxAge(PUBLIC_MAX_AGE).cachePublic()
                .getHeaderValue());
        response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
    }

    /** A page that lacks a part (a service down) is not worth keeping: the next reader should ask again. */
    public static void degradedPage(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
    }
}
