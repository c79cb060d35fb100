package org.tradingnode.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Core's packages depend on each other one way. The entities reach their venue children only through
 * the gateway protocol; the one cycle left, between a strategy entity and its runner, is named here
 * until the runner reports through a protocol of its own.
 */
class PackageCyclesTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.tradingnode.core");

  @Test
  void coresPackagesAreFreeOfCyclesButTheStrategyRunnersKnownOne() {
    slices().matching("org.tradingnode.core.(*)..")
        .should().beFreeOfCycles()
        .ignoreDependency(inPackage("the strategy runner", "org.tradingnode.core.runner"),
            inPackage("the entities", "org.tradingnode.core.entity"))
        .check(CORE);
  }

  private static DescribedPredicate<JavaClass> inPackage(String description, String packageName) {
    return DescribedPredicate.describe(description, c -> c.getPackageName().startsWith(packageName));
  }

  @Test
  void entitiesDoNotKnowTheVenueImplementations() {
    noClasses().that().resideInAPackage("org.tradingnode.core.entity..")
        .should().dependOnClassesThat().resideInAPackage("org.tradingnode.core.venue..")
        .check(CORE);
  }

  @Test
  void theGatewayProtocolKnowsNoEntityAndNoVenue() {
    noClasses().that().resideInAPackage("org.tradingnode.core.gateway..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tradingnode.core.entity..",
            "org.tradingnode.core.venue..", "org.tradingnode.core.runner..")
        .check(CORE);
  }
}
