package co.vigia.web;

import co.vigia.web.i18n.ClockConfiguration;
import co.vigia.web.i18n.I18nConfiguration;
import co.vigia.web.i18n.When;
import co.vigia.web.ops.OpsSecurityConfiguration;
import co.vigia.web.portal.PortalSecurityConfiguration;
import co.vigia.web.security.PublicSecurityConfiguration;
import co.vigia.web.site.ErrorPages;
import co.vigia.web.site.HttpCaching;
import co.vigia.web.site.LayoutAttributes;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A page slice: the controllers named, the layout, languages, security chains and HTTP caching as in production;
 * the service APIs are {@code @MockitoBean}s in each test, and "today" is {@link TestClock#TODAY}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import({PublicSecurityConfiguration.class, PortalSecurityConfiguration.class, OpsSecurityConfiguration.class,
        I18nConfiguration.class, LayoutAttributes.class, HttpCaching.class, When.class, ClockConfiguration.class,
        ErrorPages.class, TestClock.class, SliceConfiguration.class})
public @interface WebSliceTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
