package co.vigia.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A real SMTP server in-process (GreenMail) that keeps every email the services send, readable over IMAP (each
 * address is a mailbox, user and password both the address) and on a plain page listing them newest first with
 * their text, headers included. Nothing leaves the machine.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private final int smtpPort;
    private final int imapPort;
    private final int webPort;
    private GreenMail mail;
    private HttpServer page;

    public EmbeddedMailServer(int smtpPort, int imapPort, int webPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.webPort = webPort;
    }

    public synchronized EmbeddedMailServer start() {
        if (mail == null) {
            GreenMail started = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
                    new ServerSetup(imapPort, "127.0.0.1", "imap")});
            started.start();
            mail = started;
            try {
                page = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page.createContext("/", exchange -> {
                byte[] body = page().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            page.start();
        }
        return this;
    }

    /** Every email received so far, oldest first. */
    public List<MimeMessage> received() {
        return List.of(mail.getReceivedMessages());
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public String pageUrl() {
        return "http://localhost:" + webPort + "/";
    }

    private String page() {
        StringBuilder out = new StringBuilder("Emails received by the local SMTP server (newest first)\n\n");
        List<MimeMessage> all = received();
        for (int i = all.size() - 1; i >= 0; i--) {
            MimeMessage m = all.get(i);
            try {
                out.append("=".repeat(72)).append('\n');
                for (String header : List.of("Date", "From", "To", "Subject", "Message-ID", "List-Unsubscribe",
                        "List-Unsubscribe-Post")) {
                    String value = m.getHeader(header, ", ");
                    if (value != null) {
                        out.append(header).append(": ").append(header.equals("Subject") ? m.getSubject() : value)
                                .append('\n');
                    }
                }
                out.append('\n').append(text(m)).append('\n');
            } catch (MessagingException | IOException e) {
                out.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    /** The text/plain part (or the whole content when it is not multipart). */
    static String text(Message message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return String.valueOf(parts.getBodyPart(i).getContent());
                }
            }
        }
        return String.valueOf(content);
    }

    public synchronized void stop() {
        if (page != null) {
            page.stop(0);
            page = null;
        }
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
