package co.vigia.devstack.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Put beside {@code @SpringBootTest} on an {@code *IntegrationTests} class: the context runs on real
 * Kafka and MongoDB (containers where Docker runs, embedded otherwise).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
public @interface WithTestInfrastructure {
}
