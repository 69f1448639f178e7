package co.vigia.notify.email;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * One email's plain text and HTML from the same parts (plain Java): an opening line, sections (a heading with an
 * optional link and lines), and the footer with the links to manage and to leave. The HTML has no remote images, no
 * scripts and inline styles only, so it reads the same in a text client, a webmail and a screen reader.
 */
public final class EmailLayout {

    /** A heading (a bill, say), where to read more, and what to tell. */
    public record Section(String heading, String link, String linkText, List<String> lines) {
    }

    /** The message's three texts. */
    public record Rendered(String subject, String text, String html) {
    }

    private EmailLayout() {
    }

    public static Rendered render(String subject, String opening, List<Section> sections, String footer,
                                  Language language) {
        StringBuilder text = new StringBuilder(opening).append("\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language.name().toLowerCase())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(subject))
                .append("</title></head><body style=\"font-family:sans-serif;line-height:1.5;max-width:40em\">")
                .append("<p>").append(escape(opening)).append("</p>");
        for (Section section : sections) {
            text.append("\n").append(section.heading()).append("\n");
            html.append("<h2 style=\"font-size:1.1em\">").append(escape(section.heading())).append("</h2>");
            if (!section.lines().isEmpty()) {
                html.append("<ul>");
                for (String line : section.lines()) {
                    text.append("- ").append(line).append("\n");
                    html.append("<li>").append(escape(line)).append("</li>");
                }
                html.append("</ul>");
            }
            if (section.link() != null) {
                text.append(section.linkText()).append(": ").append(section.link()).append("\n");
                html.append("<p><a href=\"").append(escape(section.link())).append("\">")
                        .append(escape(section.linkText())).append("</a></p>");
            }
        }
        if (footer != null) {
            text.append("\n--\n").append(footer).append("\n");
            html.append("<hr><p style=\"font-size:0.9em\">").append(linked(escape(footer)).replace("\n", "<br>"))
                    .append("</p>");
        }
        html.append("</body></html>");
        return new Rendered(subject, text.toString(), html.toString());
    }

    /** The footer of every alert and digest: why this came, how to change it, how to leave. */
    public static String footer(String manageUrl, String unsubscribeUrl, Language l) {
        return l.pick("Recibe este correo porque sigue proyectos en Vigía.", "You get this email because you follow "
                + "bills on Vigía.") + "\n" + l.pick("Preferencias: ", "Preferences: ") + manageUrl + "\n"
                + l.pick("Dejar de recibir estos correos: ", "Stop these emails: ") + unsubscribeUrl;
    }

    /** Each URL of an escaped text as a link to itself. */
    private static String linked(String escaped) {
        return escaped.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
    }

    static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
