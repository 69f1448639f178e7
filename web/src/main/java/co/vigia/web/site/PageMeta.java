package co.vigia.web.site;

/**
 * What the layout puts in a page's head: its title, the description and canonical URL link previews use, and the
 * OpenGraph type. Controllers add one as the model attribute {@code meta}; without it the layout uses the site's.
 */
public record PageMeta(String title, String description, String canonicalUrl, String ogType) {

    public static PageMeta page(String title, String description, String canonicalUrl) {
        return new PageMeta(title, description, canonicalUrl, "website");
    }

    public static PageMeta article(String title, String description, String canonicalUrl) {
        return new PageMeta(title, description, canonicalUrl, "article");
    }
}
