package org.tradingnode.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: no Pekko, and no reading of the wall clock (time comes in as arguments). */
class DomainIndependenceTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.tradingnode.core");

  @Test
  void domainPackagesDoNotDependOnPekko() {
    noClasses().that().resideInAPackage("org.tradingnode.core.domain..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.pekko..")
        .check(CORE);
  }

  @Test
  void domainPackagesDoNotReadTheWallClock() {
    noClasses().that().resideInAPackage("org.tradingnode.core.domain..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDateTime.class, "now")
        .orShould().callMethod(Clock.class, "systemUTC")
        .orShould().callMethod(Clock.class, "systemDefaultZone")
        .check(CORE);
  }

  @Test
  void domainPackagesDoNotDependOnTheActors() {
    noClasses().that().resideInAPackage("org.tradingnode.core.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tradingnode.core.entity..",
            "org.tradingnode.core.runner..", "org.tradingnode.core.venue..")
        .check(CORE);
  }
}
