package com.swn.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.testsupport.Architecture;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules each module's ArchitectureTest applies, shown to fail on each kind of violation. */
class ArchitectureTest {

  private static final String FIXTURES = "com.swn.testsupport.architecture";

  private static void verify(String fixture) {
    var root = FIXTURES + "." + fixture;
    Architecture.verifyService(new ClassFileImporter().importPackages(root), root);
  }

  @Test
  void featuresThatDependInOneDirectionPass() {
    assertThatCode(() -> verify("good")).doesNotThrowAnyException();
  }

  @Test
  void aCycleBetweenFeaturesFails() {
    assertThatThrownBy(() -> verify("cycle"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("free of cycles");
  }

  @Test
  void configurationThatUsesAFeatureFails() {
    assertThatThrownBy(() -> verify("configusesfeature"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("configusesfeature.one.A");
  }

  @Test
  void usingAnotherModulesCodeFails() {
    assertThatThrownBy(() -> verify("foreign"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("good.two.B");
  }

  @Test
  void aPackageWithNoClassesFails() {
    assertThatThrownBy(() -> verify("nothing.here")).isInstanceOf(AssertionError.class);
  }
}
