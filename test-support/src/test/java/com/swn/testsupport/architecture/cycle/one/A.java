package com.swn.testsupport.architecture.cycle.one;

public class A {
  com.swn.testsupport.architecture.cycle.two.B b;
}
