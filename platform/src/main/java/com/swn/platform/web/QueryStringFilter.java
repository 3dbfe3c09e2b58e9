package com.swn.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the query string before anything parses it. Tomcat's parameter parser fails on a bad
 * escape or an empty name only when a parameter is first read, deep inside Spring MVC, which made
 * those requests 500s; and Spring binds a repeated or empty parameter in ways no API document
 * describes (the default value for {@code limit=}, an array for {@code limit=1&limit=2}). So every
 * parameter must be named, percent-encoded UTF-8, given once and not empty; anything else is a 400.
 */
public class QueryStringFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var error = check(request.getQueryString());
    if (error != null) {
      Problems.write(
          request,
          response,
          HttpStatus.BAD_REQUEST,
          "Invalid query string",
          "The query string has an invalid parameter.",
          Map.of("errors", List.of(error)));
      return;
    }
    chain.doFilter(request, response);
  }

  /** The first rule the query breaks as a {@code {field, message}} pair, null if it breaks none. */
  static @Nullable Map<String, String> check(@Nullable String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    var seen = new HashSet<String>();
    for (var pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      var name = decode(eq < 0 ? pair : pair.substring(0, eq));
      var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (name == null || value == null) {
        return Map.of("field", "(query)", "message", "is not percent-encoded UTF-8");
      }
      if (name.isEmpty()) {
        return Map.of("field", "(query)", "message", "has a parameter without a name");
      }
      if (!seen.add(name)) {
        return Map.of("field", name, "message", "must be given at most once");
      }
      if (value.isEmpty()) {
        return Map.of(
            "field", name, "message", "must not be empty; leave the parameter out instead");
      }
    }
    return null;
  }

  /** Form-style decoding ({@code +} is a space), strict: a bad escape or invalid UTF-8 is null. */
  static @Nullable String decode(String encoded) {
    var bytes = new java.io.ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return null;
        }
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
