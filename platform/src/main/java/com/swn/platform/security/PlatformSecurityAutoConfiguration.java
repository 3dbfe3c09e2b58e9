package com.swn.platform.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is a stateless OAuth2 resource server: the probes and the API documents are open,
 * then come the service's {@link AccessRules}, and everything else needs a valid access token. A
 * request without one is answered by Spring Security's filter chain and never reaches a controller.
 * Also in {@code @WebMvcTest} slices, so they test the real rules.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
@EnableWebSecurity
@EnableConfigurationProperties(AuthProperties.class)
public class PlatformSecurityAutoConfiguration {

  private static final String[] PROBES = {
    "/actuator/health", "/actuator/health/**", "/actuator/info"
  };
  private static final String[] API_DOCS = {
    "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
  };

  @Bean
  JwtDecoder jwtDecoder(AuthProperties properties) {
    return CognitoJwtDecoder.of(properties);
  }

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http, JwtDecoder decoder, ObjectProvider<AccessRules> services)
      throws Exception {
    var problems = new ProblemResponses();
    List<AccessRules> rules = services.orderedStream().toList();
    http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests -> {
              // An error dispatch renders the problem of a request that was already let in.
              requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
              requests.requestMatchers(HttpMethod.GET, PROBES).permitAll();
              // CORS preflights carry no token (the HTTP API answers them in AWS); OPTIONS reveals
              // only Allow.
              requests.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
              requests.requestMatchers(HttpMethod.GET, API_DOCS).permitAll();
              for (var service : rules) {
                for (var route : service.publicRoutes()) {
                  requests.requestMatchers(route.method(), route.path()).permitAll();
                  if (HttpMethod.GET.equals(route.method())) {
                    requests.requestMatchers(HttpMethod.HEAD, route.path()).permitAll();
                  }
                }
              }
              rules.forEach(service -> service.authorize(requests));
              requests.anyRequest().authenticated();
            })
        .oauth2ResourceServer(
            server ->
                server
                    .bearerTokenResolver(
                        new CachingBearerTokenResolver(
                            CachingBearerTokenResolver.MAX_CACHED_CHARS,
                            CognitoJwtDecoder.CACHED_TOKEN_TTL))
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .withObjectPostProcessor(
                        new org.springframework.security.config.ObjectPostProcessor<
                            org.springframework.security.oauth2.server.resource.web.authentication
                                .BearerTokenAuthenticationFilter>() {
                          @Override
                          public <
                                  O extends
                                      org.springframework.security.oauth2.server.resource.web
                                              .authentication.BearerTokenAuthenticationFilter>
                              O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(problems);
                            return filter;
                          }
                        }))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }

  @Bean
  org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
    return new ProblemResponses();
  }

  /**
   * Spring Security's firewall, except that any method passes on to Spring MVC, which answers an
   * unknown one with its 405 (or 404) problem as before, and that plain ASCII headers skip its
   * regular expressions ({@link HeaderChecks}: the same answers, cheaper).
   */
  @Bean
  org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
    var firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
    firewall.setUnsafeAllowAnyHttpMethod(true);
    // Query parameters are checked where they are read (services: QueryStringFilter, a 400 problem;
    // the
    // gateway passes them on); the firewall's own check would fail lazily, inside a handler, as a
    // 500.
    firewall.setAllowedParameterNames(name -> true);
    firewall.setAllowedParameterValues(value -> true);
    firewall.setAllowedHeaderNames(HeaderChecks.NAMES);
    firewall.setAllowedHeaderValues(HeaderChecks.VALUES);
    return firewall;
  }

  /**
   * The principal's name is the user name; each Cognito group is an authority {@code GROUP_<name>}.
   */
  static JwtAuthenticationConverter authentication() {
    var converter = new JwtAuthenticationConverter();
    converter.setPrincipalClaimName(Caller.USER_NAME_CLAIM);
    Converter<Jwt, java.util.Collection<GrantedAuthority>> groups =
        jwt -> {
          var names = jwt.getClaimAsStringList(Caller.GROUPS_CLAIM);
          return names == null
              ? List.of()
              : names.stream()
                  .<GrantedAuthority>map(name -> new SimpleGrantedAuthority("GROUP_" + name))
                  .toList();
        };
    converter.setJwtGrantedAuthoritiesConverter(groups);
    return converter;
  }
}
