package com.swn.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture rules every module keeps, checked by each module's {@code ArchitectureTest}. A
 * rule that finds no class to check fails too (ArchUnit's default), so a renamed package cannot
 * make it pass by checking nothing.
 */
public final class Architecture {

  /** What any module of this repository may use of the others' code besides its own. */
  public static final String PLATFORM = "com.swn.platform..";

  public static final String CONTRACTS = "com.swn.contracts..";

  private Architecture() {}

  /**
   * The production classes (no test classes) of {@code rootPackage} and below, without the code
   * that Spring AOT processing generates into the same packages once a module is packaged (the bean
   * definitions' {@code __} classes and the configuration proxies): it wires every feature to the
   * application by design.
   */
  public static JavaClasses productionClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(Architecture::writtenByHand)
        .importPackages(rootPackage);
  }

  private static boolean writtenByHand(Location location) {
    return !location.contains("__") && !location.contains("$$SpringCGLIB$$");
  }

  /**
   * A service's rules over its production classes: its features (the packages right below {@code
   * rootPackage}) depend on each other in one direction only, the application's own package depends
   * on none of them, and of this repository's code it uses only its own, the platform's and the
   * event contracts.
   */
  public static void verifyService(String rootPackage) {
    verifyService(productionClasses(rootPackage), rootPackage);
  }

  /** {@link #verifyService(String)} over the given classes. */
  public static void verifyService(JavaClasses classes, String rootPackage) {
    slices()
        .matching(rootPackage + ".(*)..")
        .as("features of " + rootPackage)
        .should()
        .beFreeOfCycles()
        .because("features depend on each other in one direction")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(rootPackage)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(rootPackage + ".*..")
        .because("the application's configuration is what features use, not the other way round")
        .allowEmptyShould(true)
        .check(classes);
    verifyUsesOnly(classes, rootPackage, PLATFORM, CONTRACTS);
  }

  /**
   * Of this repository's code ({@code com.swn..}), the classes below {@code rootPackage} use only
   * their own and the given packages: no service imports another service, and the platform and the
   * infrastructure code import none.
   */
  public static void verifyUsesOnly(JavaClasses classes, String rootPackage, String... allowed) {
    List<String> own = new ArrayList<>(List.of(allowed));
    own.add(rootPackage + "..");
    noClasses()
        .that()
        .resideInAPackage(rootPackage + "..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("com.swn..").and(not(resideInAnyPackage(own.toArray(String[]::new)))))
        .because("a module uses only its own code, the platform's and the event contracts")
        .check(classes);
  }
}
