package com.swn.ordering;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderingServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrderingServiceApplication.class, args);
  }
}
