package co.vigia.starter.check;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules every module's modularity test checks: its feature packages form no cycle (spring-modulith's
 * examples keep the same rule), so a newcomer can read a package knowing only the ones below it.
 */
public final class ModularityChecks {

    private ModularityChecks() {
    }

    /** The module's production classes under {@code rootPackage}. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** Fails, naming each cycle, when the packages directly under {@code rootPackage} import each other in a ring. */
    public static void assertNoPackageCycles(String rootPackage) {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(mainClasses(rootPackage));
    }
}
