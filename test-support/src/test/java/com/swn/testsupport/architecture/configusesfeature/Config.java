package com.swn.testsupport.architecture.configusesfeature;

class Config {
  com.swn.testsupport.architecture.configusesfeature.one.A a;
}
