package org.tradingnode.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Core's packages depend on each other one way. The entities reach their venue children only through
 * the gateway protocol, and their strategy runners only through {@code StrategyRunners}.
 */
class PackageCyclesTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.tradingnode.core");

  @Test
  void coresPackagesAreFreeOfCycles() {
    slices().matching("org.tradingnode.core.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void entitiesDoNotKnowHowRunnersWork() {
    noClasses().that().resideInAPackage("org.tradingnode.core.entity..")
        .should().dependOnClassesThat().resideInAPackage("org.tradingnode.core.runner..")
        .check(CORE);
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
