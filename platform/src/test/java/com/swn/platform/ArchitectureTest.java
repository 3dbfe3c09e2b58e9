package com.swn.platform;

import com.swn.testsupport.Architecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void usesNoServiceCode() {
    Architecture.verifyUsesOnly(
        Architecture.productionClasses("com.swn.platform"),
        "com.swn.platform",
        Architecture.CONTRACTS);
  }
}
