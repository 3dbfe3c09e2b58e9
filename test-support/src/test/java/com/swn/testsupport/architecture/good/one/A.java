package com.swn.testsupport.architecture.good.one;

public class A {
  com.swn.testsupport.architecture.good.two.B b = new com.swn.testsupport.architecture.good.two.B();
}
