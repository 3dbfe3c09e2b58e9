package com.swn.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Binds a properties record as the service does: from its shipped {@code application.yml}, whose
 * {@code ${ENV_VAR:default}} placeholders hold the defaults, with {@code environment} standing in
 * for the process environment (the machine's own variables and system properties are left out).
 */
public final class ShippedConfiguration {

  private ShippedConfiguration() {}

  public static <T> T bind(String prefix, Class<T> type, Map<String, String> environment) {
    var spring = new StandardEnvironment();
    var sources = spring.getPropertySources();
    sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    sources.replace(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.<String, Object>copyOf(environment)));
    try {
      new YamlPropertySourceLoader()
          .load("application.yml", new ClassPathResource("application.yml"))
          .forEach(sources::addLast);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Binder.get(spring).bind(prefix, type).get();
  }
}
