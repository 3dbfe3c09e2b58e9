package com.swn.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing. {@code nextToken} is opaque to clients: pass it back as {@code nextToken}
 * to get the next page; it is absent on the last page.
 */
public record Page<T>(
    List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextToken) {}
