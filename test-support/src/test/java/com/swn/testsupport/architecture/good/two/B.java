package com.swn.testsupport.architecture.good.two;

public class B {}
