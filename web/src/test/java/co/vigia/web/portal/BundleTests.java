package co.vigia.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portal's and the console's texts: every key in Spanish is in English and back, and every literal key a
 * template or a controller names exists. A text with arguments doubles its apostrophes (MessageFormat).
 */
class BundleTests {

    static final Pattern KEY = Pattern.compile("\"((?:portal|ops)\\.[A-Za-z0-9_.-]+[A-Za-z0-9])\"|#\\{((?:portal|ops)\\.[A-Za-z0-9_.-]+)[}(]");

    @Test
    void spanishAndEnglishHaveTheSameKeys() throws IOException {
        for (String bundle : List.of("portal", "ops")) {
            Properties es = EventTypeChoicesTests.load("i18n/" + bundle + ".properties");
            Properties en = EventTypeChoicesTests.load("i18n/" + bundle + "_en.properties");
            assertThat(en.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(es.stringPropertyNames());
            for (Properties p : List.of(es, en)) {
                p.forEach((k, v) -> {
                    if (v.toString().contains("{0}")) {
                        assertThat(v.toString().replace("''", "")).as(k.toString()).doesNotContain("'");
                    }
                });
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties es = EventTypeChoicesTests.load("i18n/portal.properties");
        es.putAll(EventTypeChoicesTests.load("i18n/ops.properties"));
        Set<String> named = new TreeSet<>();
        for (String root : List.of("src/main/resources/templates/portal", "src/main/resources/templates/ops",
                "src/main/java/co/vigia/web/portal", "src/main/java/co/vigia/web/ops")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = KEY.matcher(Files.readString(file));
                    while (m.find()) {
                        String key = m.group(1) != null ? m.group(1) : m.group(2);
                        if (!key.endsWith(".") && !key.contains("poll-interval") && !key.contains("operator-key")
                                && !key.contains("timeout") && !key.endsWith("window")) {
                            named.add(key);
                        }
                    }
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(named).allSatisfy(key -> assertThat(es.getProperty(key)).as(key).isNotNull());
    }
}
