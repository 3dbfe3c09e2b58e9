package com.swn.testsupport.architecture.cycle.two;

public class B {
  com.swn.testsupport.architecture.cycle.one.A a;
}
