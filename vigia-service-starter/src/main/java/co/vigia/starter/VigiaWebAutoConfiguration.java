package co.vigia.starter;

import co.vigia.starter.openapi.ApiDocsConfiguration;
import co.vigia.starter.security.SecurityConfiguration;
import co.vigia.starter.web.ProblemDetailsAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The web edge every service shares: API-key callers, problem+json errors and how the OpenAPI document says so. Also imported by
 * {@code @WebMvcTest} slices (see {@code AutoConfigureWebMvc.imports}), so slice tests see the same
 * errors and the same 401/403 as the running service.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(VigiaProperties.class)
@Import({SecurityConfiguration.class, ProblemDetailsAdvice.class, ApiDocsConfiguration.class})
public class VigiaWebAutoConfiguration {
}
