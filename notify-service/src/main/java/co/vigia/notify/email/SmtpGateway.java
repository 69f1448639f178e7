package co.vigia.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Hands one email to the SMTP server (Jakarta Mail through Spring's {@link JavaMailSenderImpl}) and says what the
 * answer means: a 4xx reply or an unreachable server is temporary, a 5xx reply permanent. The message is
 * multipart/alternative (text, then HTML), with the stored {@code Message-ID} and, for alerts and digests,
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058).
 */
public class SmtpGateway {

    /** The outcome and the server's words. */
    public record Answer(SmtpOutcome outcome, String detail) {
    }

    private final JavaMailSenderImpl sender;
    private final String from;

    public SmtpGateway(JavaMailSenderImpl sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    public Answer send(EmailDelivery email) {
        try {
            sender.send(message(email));
            return new Answer(SmtpOutcome.ACCEPTED, "250");
        } catch (MailException e) {
            return classify(e);
        } catch (MessagingException e) {
            return new Answer(SmtpOutcome.PERMANENT, "the message could not be built: " + e.getMessage());
        }
    }

    MimeMessage message(EmailDelivery email) throws MessagingException {
        String messageId = email.messageId();
        MimeMessage message = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.address()));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(email.createdAt()));
        if (email.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        return message;
    }

    /** 5xx: permanent; 4xx and no connection: temporary. Anything unrecognised is temporary (retrying is safe). */
    static Answer classify(MailException e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth++ < 20; cause = next(cause)) {
            if (cause instanceof SMTPAddressFailedException failed) {
                return byCode(failed.getReturnCode(), failed.getMessage());
            }
            if (cause instanceof SMTPSendFailedException failed) {
                return byCode(failed.getReturnCode(), failed.getMessage());
            }
            if (cause instanceof MailConnectException || cause instanceof ConnectException) {
                return new Answer(SmtpOutcome.TEMPORARY, "no connection: " + cause.getMessage());
            }
        }
        return new Answer(SmtpOutcome.TEMPORARY, String.valueOf(e.getMessage()));
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
            Exception first = send.getFailedMessages().values().iterator().next();
            if (first != cause) {
                return first;
            }
        }
        if (cause instanceof SendFailedException failed && failed.getNextException() != null
                && failed.getNextException() != cause) {
            return failed.getNextException();
        }
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != cause) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static Answer byCode(int code, String message) {
        return new Answer(code >= 500 ? SmtpOutcome.PERMANENT : SmtpOutcome.TEMPORARY, code + " " + message);
    }
}
