package co.vigia.notify.email;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The links' HMAC key: {@code VIGIA_EMAIL_LINK_SECRET} when set, else one generated on first start and kept in
 * MongoDB, so links keep working across restarts and every instance signs alike.
 */
final class LinkSecret {

    @Document("email_settings")
    record Setting(@Id String id, String value) {
    }

    private static final String ID = "link-secret";

    private LinkSecret() {
    }

    static byte[] resolve(String configured, MongoTemplate mongo) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 16) {
                throw new IllegalStateException("VIGIA_EMAIL_LINK_SECRET needs at least 16 characters");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Setting stored = mongo.findById(ID, Setting.class);
        if (stored == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                mongo.insert(new Setting(ID, Base64.getEncoder().encodeToString(key)));
            } catch (DuplicateKeyException e) {
                // another instance stored its key first: use that one
            }
            stored = mongo.findById(ID, Setting.class);
        }
        return Base64.getDecoder().decode(stored.value());
    }
}
