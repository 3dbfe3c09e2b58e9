package com.swn.gateway;

import com.swn.testsupport.Architecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void usesNoServiceCode() {
    Architecture.verifyUsesOnly(
        Architecture.productionClasses("com.swn.gateway"), "com.swn.gateway");
  }
}
