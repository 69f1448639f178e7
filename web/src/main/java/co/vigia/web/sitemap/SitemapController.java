package co.vigia.web.sitemap;

import co.vigia.web.record.BillApi;
import co.vigia.web.site.HttpCaching;
import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.client.WebProperties;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code /sitemap.xml} (every bill's page) and {@code /robots.txt} (the portal and console are not for crawlers). */
@RestController
public class SitemapController {

    static final int PAGE = 100;
    static final int MAX_PAGES = 50;

    private final BillApi bills;
    private final WebProperties properties;

    public SitemapController(BillApi bills, WebProperties properties) {
        this.bills = bills;
        this.properties = properties;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<String> sitemap() {
        List<String> urls = new ArrayList<>();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, properties.base() + "/", null);
        url(xml, properties.base() + "/buscar", null);
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                BillApi.Page result = bills.search(BillApi.Query.ALL, page, PAGE);
                for (BillApi.Summary b : result.items()) {
                    url(xml, properties.base() + "/proyectos/" + b.id(), b.updatedAt() == null ? null
                            : b.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
                }
                if ((long) (page + 1) * PAGE >= result.total()) {
                    break;
                }
            }
        } catch (UpstreamUnavailableException e) {
            // a sitemap without the bills is still valid; crawlers come back
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(xml.append("</urlset>\n").toString());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(HttpCaching.PUBLIC_MAX_AGE).cachePublic())
                .body(xml.append("</urlset>\n").toString());
    }

    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> robots() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .body("User-agent: *\nDisallow: /portal\nDisallow: /ops\nDisallow: /actuator\n\nSitemap: "
                        + properties.base() + "/sitemap.xml\n");
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(loc)).append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>").append(lastmod).append("</lastmod>");
        }
        xml.append("</url>\n");
    }
}
