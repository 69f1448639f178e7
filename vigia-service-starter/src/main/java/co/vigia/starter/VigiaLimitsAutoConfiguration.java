package co.vigia.starter;

import co.vigia.starter.limits.BodyLimitFilter;
import co.vigia.starter.limits.QueryStringFilter;
import co.vigia.starter.limits.StrictJson;
import co.vigia.starter.limits.TomcatLimits;
import co.vigia.starter.limits.WebLimits;
import co.vigia.starter.web.BoundedDateConverters;
import co.vigia.starter.web.ProblemErrorController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds on what a caller may send, for every service: body sizes and read time, strict and bounded JSON, dates in
 * range, decodable query strings, and every refusal (Spring's, Tomcat's) as problem+json. Runs before Boot's Jackson
 * and error-page configurations so that its mapper builder and error controller replace theirs.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@EnableConfigurationProperties(WebLimits.class)
public class VigiaLimitsAutoConfiguration {

    /**
     * Every JSON mapper of the service is bounded and strict. Boot's own builder bean steps aside for this one; its
     * customizers (the {@code spring.jackson.*} properties, modules) are applied to it in their order.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(WebLimits limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = StrictJson.builder(limits.json());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(WebLimits limits) {
            FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        FilterRegistrationBean<QueryStringFilter> queryStringFilter() {
            FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(new QueryStringFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }

        /** Off ({@code vigia.web.problem-error-page=false}) in an application that serves HTML pages. */
        @Bean
        @ConditionalOnProperty(name = "vigia.web.problem-error-page", matchIfMissing = true)
        ProblemErrorController problemErrorController() {
            return new ProblemErrorController();
        }

        @Bean
        BoundedDateConverters boundedDateConverters() {
            return new BoundedDateConverters();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class Tomcat {

        @Bean
        TomcatLimits tomcatLimits(WebLimits limits) {
            return new TomcatLimits(limits.virtualThreads());
        }
    }
}
