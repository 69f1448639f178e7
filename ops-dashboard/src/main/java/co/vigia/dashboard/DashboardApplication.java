package co.vigia.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The operators' dashboard: one page, one JSON endpoint, a poller of the three services. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DashboardApplication {

    public static void main(String[] args) {
        SupervisorWatch.fromEnvironment();
        SpringApplication.run(DashboardApplication.class, args);
    }
}
