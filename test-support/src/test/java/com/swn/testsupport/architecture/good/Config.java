package com.swn.testsupport.architecture.good;

class Config {}
