package com.swn.product;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The product service's own settings. Physical names come from the environment in AWS (CDK
 * generates them); the defaults, in {@code application.yml} beside the variables' names, match the
 * local resource definition.
 *
 * @param table the product table
 * @param categoryIndex the global secondary index that serves {@code GET /product?category=}
 */
@Validated
@ConfigurationProperties("product")
public record ProductServiceProperties(@NotBlank String table, @NotBlank String categoryIndex) {}
