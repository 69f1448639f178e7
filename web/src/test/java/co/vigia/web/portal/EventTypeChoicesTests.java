package co.vigia.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every event type Vigía publishes is a choice or a notice, and each has a label in Spanish and English. */
class EventTypeChoicesTests {

    @Test
    void everyPublishedTypeIsLoggedAndEveryChoiceIsPublished() {
        List<String> published = Arrays.stream(EventType.values()).map(EventType::type).toList();
        assertThat(EventTypeChoices.LOGGED).containsExactlyInAnyOrderElementsOf(published);
        assertThat(published).containsAll(EventTypeChoices.TYPES);
        assertThat(EventTypeChoices.TYPES).doesNotContain("co.vigia.ping", "co.vigia.subscription.disabled");
    }

    @Test
    void everyTypeHasALabelInBothLanguages() throws IOException {
        for (String bundle : List.of("i18n/portal.properties", "i18n/portal_en.properties")) {
            Properties labels = load(bundle);
            for (String type : EventTypeChoices.LOGGED) {
                assertThat(labels.getProperty(EventTypeChoices.labelKey(type))).as(bundle + " " + type).isNotBlank();
            }
        }
    }

    static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EventTypeChoicesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
