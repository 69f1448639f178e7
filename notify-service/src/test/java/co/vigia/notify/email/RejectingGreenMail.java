package co.vigia.notify.email;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail, a real SMTP server in-process, that answers RCPT TO for chosen addresses with a chosen reply (a
 * {@code 450} to try later, a {@code 550} for a mailbox that does not exist), as a real server does.
 */
final class RejectingGreenMail extends GreenMail {

    private final Map<String, String> replies = new ConcurrentHashMap<>();

    RejectingGreenMail(ServerSetup setup) {
        super(setup);
    }

    /** RCPT TO:&lt;address&gt; is answered {@code reply} (e.g. "550 5.1.1 no such mailbox") until cleared. */
    void reject(String address, String reply) {
        replies.put(address, reply);
    }

    void accept(String address) {
        replies.remove(address);
    }

    /** Starts again on {@code port} after {@link #stop()} (a refused connection meanwhile). */
    void restartOn(int port) {
        config = new ServerSetup[] {new ServerSetup(port, "127.0.0.1", "smtp")};
        start();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers ignored) {
        managers = new Managers() {
            private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    return replies.get(address.getEmail());
                }
            };

            @Override
            public SmtpManager getSmtpManager() {
                return smtp;
            }
        };
        return super.createServices(config, managers);
    }
}
