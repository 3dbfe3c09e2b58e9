package com.swn.testsupport.architecture.foreign.one;

/** Uses another module's code, as a service importing another service would. */
public class A {
  com.swn.testsupport.architecture.good.two.B other;
}
