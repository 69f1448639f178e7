package co.vigia.starter.security;

import co.vigia.starter.VigiaProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** API keys on {@code /api/**}: the operator's key, plus whatever {@link ApiKeyResolver}s a service adds. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    OperatorKeyResolver operatorKeyResolver(VigiaProperties properties) {
        return new OperatorKeyResolver(properties.security().operatorKey());
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ObjectProvider<ApiKeyResolver> resolvers,
                                                      VigiaProperties properties) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(
                resolvers.orderedStream().toList(), properties.security().publicWrites()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** Swagger UI's "Authorize" button: a bearer API key. */
    @Bean
    OpenAPI vigiaOpenApi(org.springframework.core.env.Environment env) {
        return new OpenAPI()
                .info(new io.swagger.v3.oas.models.info.Info().title("Vigía " + env.getProperty("spring.application.name", "service"))
                        .description("Writes need 'Authorization: Bearer <api key>'; reads are public. Errors are RFC 9457 problem+json.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
