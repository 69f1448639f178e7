package co.vigia.starter.security;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operator's key, from {@code VIGIA_OPERATOR_KEY}; only its hash is kept in memory. */
public class OperatorKeyStore implements ApiKeyStore {

    private static final Logger log = LoggerFactory.getLogger(OperatorKeyStore.class);
    static final Caller OPERATOR = new Caller("operator", Role.OPERATOR);

    private final String keyHash;

    public OperatorKeyStore(String operatorKey) {
        if (operatorKey == null || operatorKey.isBlank()) {
            log.warn("No operator key configured (VIGIA_OPERATOR_KEY): operator actions are refused");
            this.keyHash = null;
        } else {
            this.keyHash = ApiKeys.hash(operatorKey.trim());
        }
    }

    /** The operator key's hash, if one is configured. */
    public Optional<String> keyHash() {
        return Optional.ofNullable(keyHash);
    }

    @Override
    public Optional<Caller> findByKeyHash(String hash) {
        return keyHash != null && ApiKeys.sameHash(keyHash, hash) ? Optional.of(OPERATOR) : Optional.empty();
    }
}
