package co.vigia.web;

import java.io.IOException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web app on a random port with notify-service played by {@link FakeNotify} (one for the whole run, so every
 * test class extending this shares one application context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.ops.operator-key=" + WebAppTest.OPERATOR_KEY,
        "vigia.web.sign-in.attempts=1000",
        "vigia.ops.poll-interval=1h"})
public abstract class WebAppTest {

    public static final String OPERATOR_KEY = "operator-key-for-web-tests";
    public static final FakeNotify NOTIFY = start();

    private static FakeNotify start() {
        try {
            return new FakeNotify();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("vigia.web.services.notify", NOTIFY::url);
        registry.add("vigia.web.services.bill", NOTIFY::url);
        registry.add("vigia.web.services.vote", NOTIFY::url);
    }
}
