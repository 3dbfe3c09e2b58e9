package com.swn.ordering;

import com.swn.testsupport.Architecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void featuresDependInOneDirectionAndOnNoOtherService() {
    Architecture.verifyService("com.swn.ordering");
  }
}
