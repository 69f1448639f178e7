package co.vigia.bill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import co.vigia.starter.check.ModularityChecks;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

/** bill-service's package layering: procedure, then bill, then what reads or changes bills (deadline, events, ...). */
class ModularityTests {

    static final String ROOT = "co.vigia.bill";
    static final JavaClasses CLASSES = ModularityChecks.mainClasses(ROOT);

    @Test
    void featurePackagesFormNoCycle() {
        ModularityChecks.assertNoPackageCycles(ROOT);
    }

    @Test
    void theProcedureRulesArePlainJava() {
        noClasses().that().resideInAPackage(ROOT + ".procedure..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "co.vigia.starter..",
                        ROOT + ".bill..", ROOT + ".deadline..", ROOT + ".events..")
                .check(CLASSES);
    }

    @Test
    void servicesThrowDomainExceptionsNotWebOrKafkaOnes() {
        // the web layer maps them to problems (BillProblems), the listener to poison
        noClasses().that().areAnnotatedWith(Service.class)
                .or().haveSimpleNameEndingWith("Store").or().haveSimpleNameEndingWith("Recorder")
                .or().haveSimpleNameEndingWith("Run").or().haveSimpleNameEndingWith("Runs")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "org.springframework.kafka..", "org.apache.kafka..",
                        "co.vigia.starter.web..", "co.vigia.starter.kafka..")
                .check(CLASSES);
    }
}
