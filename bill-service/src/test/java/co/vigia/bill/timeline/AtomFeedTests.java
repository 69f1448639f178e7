package co.vigia.bill.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.bill.bill.EntryType;
import co.vigia.bill.bill.TimelineEntry;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The Atom feed is well-formed XML whatever the stored text holds. */
class AtomFeedTests {

    @Test
    void controlCharactersInStoredTextAreReplacedSoTheFeedStaysWellFormed() throws Exception {
        TimelineEntry entry = new TimelineEntry("e1", LocalDate.of(2024, 3, 1), EntryType.FILED, null,
                "radicado\u0001 en\u0000 Secretaría\uFFFE", "https://example.org/\u0007x", "op\u0000erator", null, null,
                Instant.parse("2024-03-01T12:00:00Z"), false);
        String feed = AtomFeed.write("http://localhost:8081", "pl-1-2024", "Ley\u0000 de \u202Eprueba 😀",
                List.of(entry), Instant.parse("2024-03-02T00:00:00Z"));

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(feed)));
        assertThat(xml.getElementsByTagName("entry").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Vigía: Ley\uFFFD de \u202Eprueba 😀");
        assertThat(xml.getElementsByTagName("summary").item(0).getTextContent())
                .isEqualTo("radicado\uFFFD en\uFFFD Secretaría\uFFFD");
    }
}
