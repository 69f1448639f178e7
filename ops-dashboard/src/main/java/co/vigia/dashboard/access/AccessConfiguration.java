package co.vigia.dashboard.access;

import co.vigia.dashboard.DashboardProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    OperatorKey operatorKey(DashboardProperties properties) {
        return new OperatorKey(properties.operatorKey());
    }

    @Bean
    FilterRegistrationBean<OperatorKeyFilter> operatorKeyFilter(OperatorKey key, JsonMapper json) {
        FilterRegistrationBean<OperatorKeyFilter> registration = new FilterRegistrationBean<>(new OperatorKeyFilter(key, json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
