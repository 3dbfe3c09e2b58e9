package com.swn.infra;

import com.swn.testsupport.Architecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void importsNoServiceCode() {
    Architecture.verifyUsesOnly(Architecture.productionClasses("com.swn.infra"), "com.swn.infra");
  }
}
