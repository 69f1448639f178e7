package co.vigia.notify.email;

import java.util.List;

/**
 * The few pages a person lands on from an email (plain Java, HTML escaped): confirmed, left, the preferences, and
 * the page behind a GET of the unsubscribe link, a button rather than an unsubscribe, because mail scanners open
 * links (RFC 8058 asks for a POST for the one-click kind).
 */
final class EmailPages {

    private EmailPages() {
    }

    static String confirmed(long follows) {
        return page("Confirmado · Confirmed", "<p>Listo: sus alertas de Vigía están activas (" + follows
                + "). Cada correo trae un enlace para dejar de recibirlas.</p><p lang=\"en\">Done: your Vigía alerts are on ("
                + follows + "). Every email has a link to stop them.</p>");
    }

    static String invalidLink() {
        return page("Enlace no válido · Invalid link", "<p>El enlace no es válido o ya venció. Pida las alertas de "
                + "nuevo para recibir otro.</p><p lang=\"en\">The link is not valid or has expired. Ask for the alerts "
                + "again to get a new one.</p>");
    }

    static String unsubscribeForm(String action) {
        return page("Dejar de recibir · Unsubscribe", "<form method=\"post\" action=\"" + EmailLayout.escape(action)
                + "\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">"
                + "Dejar de recibir estos correos · Stop these emails</button></form>");
    }

    static String unsubscribed() {
        return page("Listo · Done", "<p>No recibirá más estos correos.</p><p lang=\"en\">You will get no more of "
                + "these emails.</p>");
    }

    static String preferences(String address, List<EmailFollow> follows, EmailLinks links) {
        StringBuilder body = new StringBuilder("<p>").append(EmailLayout.escape(address)).append("</p>");
        if (follows.isEmpty()) {
            body.append("<p>Ninguna alerta activa · No alerts.</p>");
        }
        body.append("<ul>");
        for (EmailFollow follow : follows) {
            body.append("<li>").append(EmailLayout.escape(EmailMessages.describe(follow, follow.language())))
                    .append(" [").append(follow.status().name().toLowerCase()).append("] <form method=\"post\" action=\"")
                    .append(EmailLayout.escape(links.unsubscribe(follow.id())))
                    .append("\" style=\"display:inline\"><button type=\"submit\">Dejar · Leave</button></form></li>");
        }
        return page("Preferencias · Preferences", body.append("</ul>").toString());
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width\"><title>" + title + " · Vigía</title></head><body style=\""
                + "font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.5\"><h1>" + title + "</h1>"
                + body + "</body></html>";
    }
}
