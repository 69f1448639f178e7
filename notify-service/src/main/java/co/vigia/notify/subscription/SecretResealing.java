package co.vigia.notify.subscription;

import co.vigia.notify.secret.SecretBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * At start, seals again every stored webhook secret that is plain text (stored before secrets were sealed) or sealed
 * with a key that is not the current one (a key rotation), each subscription in one compare-and-set on its version
 * (a change made meanwhile by the API or another instance wins; it is sealed with the current key anyway, or at the
 * next start). A secret sealed with a key the keyring does not hold stops the start, naming the key: every delivery
 * of its subscription would fail otherwise.
 */
@Component
public class SecretResealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretResealing.class);

    private final MongoTemplate mongo;
    private final SecretBox box;

    public SecretResealing(MongoTemplate mongo, SecretBox box) {
        this.mongo = mongo;
        this.box = box;
    }

    @Override
    public void run(ApplicationArguments args) {
        Result result = resealAll();
        if (!result.missingKeys().isEmpty()) {
            throw new IllegalStateException(result.unreadable() + " webhook secret(s) are sealed with key(s) "
                    + result.missingKeys() + " that VIGIA_SECRET_KEYS does not hold (it holds " + box.keyIds()
                    + "): list the old key after the new one until the re-seal has run, then remove it");
        }
        if (result.resealed() > 0 || result.conflicts() > 0) {
            log.info("Webhook secrets sealed again with key {}: {} subscriptions ({} changed meanwhile, left for the "
                    + "next start)", box.currentKeyId(), result.resealed(), result.conflicts());
        }
    }

    /** What a pass did: subscriptions re-sealed, skipped because they changed meanwhile, secrets it could not open. */
    public record Result(int resealed, int conflicts, int unreadable, Set<String> missingKeys) {
    }

    /** One pass over every subscription. */
    public Result resealAll() {
        int resealed = 0;
        int conflicts = 0;
        int unreadable = 0;
        Set<String> missing = new TreeSet<>();
        try (var all = mongo.stream(new Query(), Subscription.class)) {
            for (Subscription s : (Iterable<Subscription>) all::iterator) {
                List<SigningSecret> secrets = s.secrets() == null ? List.of() : s.secrets();
                if (secrets.stream().noneMatch(secret -> box.needsResealing(secret.sealed()))) {
                    continue;
                }
                List<SigningSecret> sealed = new ArrayList<>(secrets.size());
                boolean readable = true;
                for (SigningSecret secret : secrets) {
                    String keyId = SecretBox.keyIdOf(secret.sealed());
                    if (keyId != null && !box.keyIds().contains(keyId)) {
                        missing.add(keyId);
                        unreadable++;
                        readable = false;
                        continue;
                    }
                    sealed.add(new SigningSecret(box.reseal(secret.sealed(), s.id()), secret.createdAt(),
                            secret.expiresAt()));
                }
                if (!readable) {
                    continue;
                }
                try {
                    mongo.save(s.withSecrets(sealed, s.updatedAt())); // a compare-and-set on its @Version
                    resealed++;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    conflicts++;
                }
            }
        }
        return new Result(resealed, conflicts, unreadable, missing);
    }
}
