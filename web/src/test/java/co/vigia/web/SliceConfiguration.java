package co.vigia.web;

import co.vigia.web.client.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/** What a page slice needs beyond the controllers: {@code vigia.web.*} bound as in production. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class SliceConfiguration {
}
