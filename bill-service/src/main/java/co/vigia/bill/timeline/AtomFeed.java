package co.vigia.bill.timeline;

import co.vigia.bill.bill.TimelineEntry;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/** A bill's timeline as an Atom 1.0 feed (Rome), newest entry first. */
public final class AtomFeed {

    private AtomFeed() {
    }

    /**
     * @param baseUrl the service's public base URL, e.g. {@code http://localhost:8081}
     */
    public static String write(String baseUrl, String billId, String title, List<TimelineEntry> timeline,
                               Instant updated) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri("urn:vigia:bill:" + billId);
        feed.setTitle(xml("Vigía: " + title));
        feed.setDescription("Everything recorded on bill " + billId + " as it moves through Congress");
        feed.setAuthor("Vigía");
        feed.setPublishedDate(Date.from(updated));
        feed.setLinks(List.of(link(baseUrl + "/api/bills/" + billId + "/feed.atom", "self", "application/atom+xml"),
                link(baseUrl + "/api/bills/" + billId, "alternate", "application/json")));
        List<SyndEntry> entries = new ArrayList<>();
        timeline.stream().sorted(Comparator.comparing(TimelineEntry::recordedAt).reversed()).forEach(entry -> {
            SyndEntry item = new SyndEntryImpl();
            item.setUri("urn:vigia:bill:" + billId + ":" + entry.id());
            item.setTitle(xml(entry.date() + " " + entry.typeName()
                    + (entry.stageAfter() == null ? "" : " (" + entry.stageAfter() + ")")));
            item.setAuthor(entry.recordedBy() == null ? "Vigía" : xml(entry.recordedBy()));
            item.setPublishedDate(Date.from(entry.recordedAt()));
            item.setUpdatedDate(Date.from(entry.recordedAt()));
            if (entry.sourceUrl() != null) {
                item.setLink(xml(entry.sourceUrl()));
            } else {
                item.setLink(baseUrl + "/api/bills/" + billId + "/timeline");
            }
            SyndContent content = new SyndContentImpl();
            content.setType("text/plain");
            content.setValue(entry.text() == null ? null : xml(entry.text()));
            item.setDescription(content);
            entries.add(item);
        });
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed of " + billId, e);
        }
    }

    /**
     * The text with every character XML 1.0 cannot hold (C0 controls but tab and newlines, U+FFFE, U+FFFF, a lone
     * surrogate) replaced by U+FFFD: one stored {@code \u0000} in a title made the feed a 500 for ever.
     */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(allowed ? c : '\uFFFD');
            }
        }
        return out.toString();
    }

    private static SyndLink link(String href, String rel, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }
}
