package co.vigia.starter;

import co.vigia.starter.check.ModularityChecks;
import org.junit.jupiter.api.Test;

/**
 * The starter's packages (outbox, kafka, security, web, ...) import each other in no ring. The root package, the
 * auto-configuration and its properties, wires them and is in no slice.
 */
class ModularityTests {

    @Test
    void packagesFormNoCycle() {
        ModularityChecks.assertNoPackageCycles("co.vigia.starter");
    }
}
