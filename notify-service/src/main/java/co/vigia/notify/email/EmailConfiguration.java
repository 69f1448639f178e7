package co.vigia.notify.email;

import co.vigia.notify.delivery.RetryPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;

/** The email channel's parts, wired to their settings; {@code vigia.email.enabled=false} leaves it all out. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
@ConditionalOnProperty(name = "vigia.email.enabled", havingValue = "true", matchIfMissing = true)
public class EmailConfiguration {

    @Bean
    EmailLinks emailLinks(EmailProperties properties, MongoTemplate mongo, Clock clock) {
        return new EmailLinks(new LinkSigner(LinkSecret.resolve(properties.linkSecret(), mongo)), properties, clock);
    }

    @Bean
    EmailMessages emailMessages(EmailLinks links) {
        return new EmailMessages(links);
    }

    @Bean
    EmailDeliveries emailDeliveries(MongoTemplate mongo) {
        return new EmailDeliveries(mongo);
    }

    @Bean
    Recipients recipients(MongoTemplate mongo, EmailDeliveries deliveries, MeterRegistry meters) {
        Recipients recipients = new Recipients(mongo);
        // what the dashboard and the alerts read beside the webhooks' numbers; counted in MongoDB at each scrape
        Gauge.builder("vigia.emails.pending", deliveries, d -> d.count(EmailStatus.PENDING))
                .description("emails not yet accepted by the SMTP server").register(meters);
        Gauge.builder("vigia.emails.failing", deliveries, EmailDeliveries::failing)
                .description("pending emails that failed at least once").register(meters);
        Gauge.builder("vigia.email.addresses.suspended", recipients, Recipients::countSuspended)
                .description("addresses suspended after a permanent SMTP failure").register(meters);
        return recipients;
    }

    @Bean
    BillFactsClient billFactsClient(EmailProperties properties) {
        return new BillFactsClient(properties.billServiceUrl());
    }

    @Bean
    EmailFollows emailFollows(MongoTemplate mongo, Recipients recipients, EmailDeliveries deliveries,
                              EmailMessages messages, Clock clock, EmailProperties properties) {
        return new EmailFollows(mongo, recipients, deliveries, messages, clock, properties.confirmFor(),
                domain(properties.from()));
    }

    @Bean
    FollowRateLimits followRateLimits(EmailProperties properties) {
        return new FollowRateLimits(properties.perAddress(), properties.perClient(), properties.window());
    }

    @Bean
    EmailEventConsumer emailEventConsumer(MongoTemplate mongo, Clock clock) {
        return new EmailEventConsumer(mongo, clock);
    }

    @Bean
    EmailMatcher emailMatcher(MongoTemplate mongo, BillFactsClient bills, EmailMessages messages,
                              EmailDeliveries deliveries, Clock clock, EmailProperties properties) {
        return new EmailMatcher(mongo, bills, messages, deliveries, clock, domain(properties.from()));
    }

    @Bean
    DigestJob digestJob(MongoTemplate mongo, BillFactsClient bills, EmailMessages messages,
                        EmailDeliveries deliveries, Clock clock, EmailProperties properties) {
        return new DigestJob(mongo, bills, messages, deliveries, clock, domain(properties.from()));
    }

    @Bean
    SmtpGateway smtpGateway(JavaMailSenderImpl sender, EmailProperties properties) {
        return new SmtpGateway(sender, properties.from());
    }

    @Bean
    EmailWorker emailWorker(EmailDeliveries deliveries, Recipients recipients, SmtpGateway smtp, RetryPolicy retries,
                            Clock clock, EmailProperties properties, MeterRegistry meters) {
        return new EmailWorker(deliveries, recipients, smtp, retries, clock, properties.lease(),
                properties.pollInterval(), meters);
    }

    @Bean
    EmailSchedule emailSchedule(EmailMatcher matcher, DigestJob digests) {
        return new EmailSchedule(matcher, digests);
    }

    /** Matching events to follows every second and the digest check every minute, on Spring's scheduler. */
    static class EmailSchedule {

        private final EmailMatcher matcher;
        private final DigestJob digests;

        EmailSchedule(EmailMatcher matcher, DigestJob digests) {
            this.matcher = matcher;
            this.digests = digests;
        }

        @Scheduled(fixedDelayString = "${vigia.email.poll-interval:1s}", initialDelayString = "${vigia.email.poll-interval:1s}")
        void match() {
            matcher.matchWaiting();
        }

        @Scheduled(fixedDelayString = "${vigia.email.digest-interval:60s}", initialDelayString = "${vigia.email.digest-interval:60s}")
        void digest() {
            digests.runNow();
        }
    }

    /** The Message-ID's right-hand side: the sender's domain. */
    static String domain(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalStateException("vigia.email.from is not an address: " + from, e);
        }
    }
}
