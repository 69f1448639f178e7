package co.vigia.notify;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import co.vigia.starter.check.ModularityChecks;
import org.junit.jupiter.api.Test;

/**
 * notify-service's packages, bottom to top: address, secret and signing; event; subscriber; subscription; delivery;
 * then what reads Kafka (intake), the email channel, the operator's reports (ops) and retention. A package may use
 * only those below it, so one can be read knowing only those. The root package (the application, its wiring and
 * settings) is outside the layers.
 */
class ModularityTests {

    private static final String ROOT = "co.vigia.notify";

    @Test
    void noPackageCycles() {
        ModularityChecks.assertNoPackageCycles(ROOT);
    }

    @Test
    void eachPackageUsesOnlyThoseBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("address").definedBy(ROOT + ".address..")
                .layer("secret").definedBy(ROOT + ".secret..")
                .layer("signing").definedBy(ROOT + ".signing..")
                .layer("event").definedBy(ROOT + ".event..")
                .layer("subscriber").definedBy(ROOT + ".subscriber..")
                .layer("subscription").definedBy(ROOT + ".subscription..")
                .layer("delivery").definedBy(ROOT + ".delivery..")
                .layer("intake").definedBy(ROOT + ".intake..")
                .layer("email").definedBy(ROOT + ".email..")
                .layer("ops").definedBy(ROOT + ".ops..")
                .layer("retention").definedBy(ROOT + ".retention..")
                .whereLayer("intake").mayNotBeAccessedByAnyLayer()
                .whereLayer("ops").mayNotBeAccessedByAnyLayer()
                .whereLayer("retention").mayNotBeAccessedByAnyLayer()
                .whereLayer("email").mayOnlyBeAccessedByLayers("ops")
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("intake", "email", "ops", "retention")
                .whereLayer("subscription").mayOnlyBeAccessedByLayers("delivery", "intake", "email", "ops",
                        "retention")
                .whereLayer("subscriber").mayOnlyBeAccessedByLayers("subscription", "delivery", "intake", "email",
                        "ops", "retention")
                .whereLayer("event").mayOnlyBeAccessedByLayers("subscriber", "subscription", "delivery", "intake",
                        "email", "ops", "retention")
                .check(ModularityChecks.mainClasses(ROOT));
    }
}
