package com.swn.testsupport.architecture.configusesfeature.one;

public class A {}
