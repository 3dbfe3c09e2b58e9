package com.swn.basket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BasketServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(BasketServiceApplication.class, args);
  }
}
