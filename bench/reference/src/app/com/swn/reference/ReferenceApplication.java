package com.swn.reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's reference application: one endpoint and whatever its module's starters configure
 * on their own, so that its start is the framework's part of a service's start (bench/reference).
 */
@SpringBootApplication
@RestController
public class ReferenceApplication {

  @GetMapping("/hello")
  String hello() {
    return "hello";
  }

  public static void main(String[] args) {
    SpringApplication.run(ReferenceApplication.class, args);
  }
}
