package co.vigia.vote;

import co.vigia.starter.check.ModularityChecks;
import org.junit.jupiter.api.Test;

/** vote-service's feature packages (billfacts, tally, rollcall, objection, member) import each other in no ring. */
class ModularityTests {

    @Test
    void featurePackagesFormNoCycle() {
        ModularityChecks.assertNoPackageCycles("co.vigia.vote");
    }
}
