package com.swn.gateway;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the HTTP API's JWT authorizer does in AWS (infra-cdk's route table), at the gateway: the
 * catalogue reads are public; every other route needs a valid access token of the user pool;
 * product writes and the list-everything reads ({@code GET /basket}, {@code GET /order}) need the
 * operators group. Ownership ({@code /basket/alice} is alice's) is the services' rule, as in AWS.
 * The token checks are the services' ({@code platform}'s {@code CognitoJwtDecoder}); the gateway
 * does not depend on platform, which brings AWS clients.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeAuthorization.AuthProperties.class)
class EdgeAuthorization {

  static final String OPERATORS = "GROUP_operators";

  /**
   * The same {@code AUTH_ISSUER}, {@code AUTH_CLIENTS} and {@code AUTH_JWKS} as the services read;
   * the defaults are in application.yml, beside the variables' names.
   */
  @ConfigurationProperties("auth")
  record AuthProperties(
      @NotBlank String issuer, @NotEmpty List<String> clients, @Nullable URI jwks) {

    URI jwkSetUri() {
      return jwks != null
          ? jwks
          : URI.create(issuer.replaceAll("/+$", "") + "/.well-known/jwks.json");
    }
  }

  @Bean
  SecurityFilterChain edgeRules(HttpSecurity http, AuthProperties auth) throws Exception {
    var operator =
        AuthorityAuthorizationManager
            .<org.springframework.security.web.access.intercept.RequestAuthorizationContext>
                hasAuthority(OPERATORS);
    http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            rules ->
                rules
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    // CORS preflights carry no token; the HTTP API answers them without its
                    // authorizer.
                    .requestMatchers(HttpMethod.OPTIONS, "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/product", "/product/{id}")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/product", "/product/{id}")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/product", "/product/**")
                    .access(operator)
                    .requestMatchers(HttpMethod.PUT, "/product", "/product/**")
                    .access(operator)
                    .requestMatchers(HttpMethod.PATCH, "/product", "/product/**")
                    .access(operator)
                    .requestMatchers(HttpMethod.DELETE, "/product", "/product/**")
                    .access(operator)
                    .requestMatchers(HttpMethod.GET, "/basket", "/order")
                    .access(operator)
                    .requestMatchers("/basket", "/basket/**", "/order", "/order/**")
                    .authenticated()
                    // Not routed: the route table's 404, as the HTTP API answers an unknown route.
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.decoder(decoder(auth)).jwtAuthenticationConverter(groups()))
                    .authenticationEntryPoint(EdgeAuthorization::unauthorized)
                    .accessDeniedHandler(EdgeAuthorization::forbidden))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(EdgeAuthorization::unauthorized)
                    .accessDeniedHandler(EdgeAuthorization::forbidden));
    return http.build();
  }

  /**
   * Any method and any query go on to the routes, which answer as before (the firewall's path
   * checks stay).
   */
  @Bean
  StrictHttpFirewall httpFirewall() {
    var firewall = new StrictHttpFirewall();
    firewall.setUnsafeAllowAnyHttpMethod(true);
    // Query parameters are checked where they are read (services: QueryStringFilter, a 400 problem;
    // the
    // gateway passes them on); the firewall's own check would fail lazily, inside a handler, as a
    // 500.
    firewall.setAllowedParameterNames(name -> true);
    firewall.setAllowedParameterValues(value -> true);
    return firewall;
  }

  @Bean
  org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
    return (request, response, ex) ->
        problem(
            request,
            response,
            HttpStatus.BAD_REQUEST,
            "The request's path or headers are not acceptable.");
  }

  static JwtDecoder decoder(AuthProperties auth) {
    var decoder =
        NimbusJwtDecoder.withJwkSetUri(auth.jwkSetUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(auth.issuer()),
            jwt -> claimIn(jwt, "token_use", List.of("access")),
            jwt -> claimIn(jwt, "client_id", auth.clients())));
    return decoder;
  }

  private static OAuth2TokenValidatorResult claimIn(Jwt jwt, String claim, List<String> accepted) {
    return accepted.contains(jwt.getClaimAsString(claim))
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(
            new OAuth2Error("invalid_token", "The token's " + claim + " is not accepted", null));
  }

  private static JwtAuthenticationConverter groups() {
    var converter = new JwtAuthenticationConverter();
    converter.setPrincipalClaimName("username");
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          var names = jwt.getClaimAsStringList("cognito:groups");
          return names == null
              ? List.of()
              : names.stream()
                  .<GrantedAuthority>map(name -> new SimpleGrantedAuthority("GROUP_" + name))
                  .toList();
        });
    return converter;
  }

  private static void unauthorized(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.core.AuthenticationException ex)
      throws IOException {
    new BearerTokenAuthenticationEntryPoint().commence(request, response, ex);
    problem(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        request.getHeader("Authorization") == null
            ? "This request needs an access token: Authorization: Bearer <token>."
            : "The access token is not valid: expired, not signed by the issuer, or not for this API.");
  }

  private static void forbidden(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.access.AccessDeniedException ex)
      throws IOException {
    new BearerTokenAccessDeniedHandler().handle(request, response, ex);
    problem(request, response, HttpStatus.FORBIDDEN, "This route needs the operators group.");
  }

  private static void problem(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    try {
      body.put("instance", new URI(request.getRequestURI()).toString());
    } catch (java.net.URISyntaxException notAUri) {
      // Left out: the path itself was what went wrong.
    }
    body.put("requestId", RequestIdFilter.ensure(request, response));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(body));
  }
}
