package co.vigia.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** How SMTP answers are read; the integration tests get the same answers from a real server. */
class SmtpGatewayTests {

    @Test
    void a5xxReplyIsPermanentAnd4xxOrNoConnectionTemporary() throws Exception {
        InternetAddress to = new InternetAddress("ana@ong.example");
        assertThat(outcome(new SMTPAddressFailedException(to, "RCPT TO", 550, "5.1.1 no such mailbox")))
                .isEqualTo(SmtpOutcome.PERMANENT);
        assertThat(outcome(new SMTPAddressFailedException(to, "RCPT TO", 452, "4.2.2 mailbox full")))
                .isEqualTo(SmtpOutcome.TEMPORARY);
        assertThat(outcome(new SMTPSendFailedException("DATA", 554, "5.7.1 rejected", null, null, null, null)))
                .isEqualTo(SmtpOutcome.PERMANENT);
        assertThat(outcome(new MailConnectException(new org.eclipse.angus.mail.util.SocketConnectException(
                "refused", new ConnectException("Connection refused"), "localhost", 25, 5000))))
                .isEqualTo(SmtpOutcome.TEMPORARY);
        assertThat(outcome(new MessagingException("something else"))).isEqualTo(SmtpOutcome.TEMPORARY);
    }

    @Test
    void theAddressFailureInsideASendFailureIsFound() throws Exception {
        InternetAddress to = new InternetAddress("ana@ong.example");
        jakarta.mail.SendFailedException wrapped = new jakarta.mail.SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 550, "5.1.1 unknown"));
        assertThat(outcome(wrapped)).isEqualTo(SmtpOutcome.PERMANENT);
    }

    private static SmtpOutcome outcome(Exception cause) {
        return SmtpGateway.classify(new MailSendException(Map.of(new Object(), cause))).outcome();
    }
}
