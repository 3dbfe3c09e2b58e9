package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Context is read once, defaulted by environment and validated with messages that name the key. */
class InfraConfigTest {

  private static InfraConfig config(Map<String, String> context, Map<String, String> environment) {
    return InfraConfig.from(context::get, environment);
  }

  private static InfraConfig config(String... keyValues) {
    Map<String, String> context = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      context.put(keyValues[i], keyValues[i + 1]);
    }
    return config(context, Map.of());
  }

  @Test
  void defaultsToACheapDevelopmentEnvironment() {
    InfraConfig config = config();
    assertThat(config.envName()).isEqualTo("dev");
    assertThat(config.production()).isFalse();
    assertThat(config.egress()).isEqualTo(Egress.NAT_GATEWAY);
    assertThat(config.removalPolicy()).isEqualTo(RemovalPolicy.DESTROY);
    assertThat(config.product()).isEqualTo(new ServiceSize(512, 1024, 1, 3));
    assertThat(config.logRetention()).isEqualTo(RetentionDays.TWO_WEEKS);
    assertThat(config.account()).isNull();
    assertThat(config.stackPrefix()).isEqualTo("SwnDev");
  }

  @Test
  void hardensProduction() {
    InfraConfig config = config("env", "prod");
    assertThat(config.production()).isTrue();
    assertThat(config.egress()).isEqualTo(Egress.VPC_ENDPOINTS);
    assertThat(config.removalPolicy()).isEqualTo(RemovalPolicy.RETAIN);
    assertThat(config.ordering().minTasks()).isEqualTo(2);
    assertThat(config.logRetention()).isEqualTo(RetentionDays.THREE_MONTHS);
  }

  @Test
  void takesAccountAndRegionFromTheCdkCli() {
    InfraConfig config =
        config(
            Map.of(),
            Map.of("CDK_DEFAULT_ACCOUNT", "123456789012", "CDK_DEFAULT_REGION", "eu-central-1"));
    assertThat(config.environment().getAccount()).isEqualTo("123456789012");
    assertThat(config.environment().getRegion()).isEqualTo("eu-central-1");
  }

  @Test
  void readsSizesAndTargetsPerService() {
    InfraConfig config =
        config(
            "env",
            "staging-2",
            "ordering.cpu",
            "1024",
            "ordering.memory",
            "2048",
            "ordering.maxTasks",
            "20",
            "scaling.backlogPerTask",
            "50",
            "api.corsOrigins",
            "https://shop.example.com, https://admin.example.com");
    assertThat(config.ordering()).isEqualTo(new ServiceSize(1024, 2048, 1, 20));
    assertThat(config.scaling().backlogPerTask()).isEqualTo(50);
    assertThat(config.api().corsOrigins())
        .containsExactly("https://shop.example.com", "https://admin.example.com");
    assertThat(config.stackPrefix()).isEqualTo("SwnStaging2");
  }

  @Test
  void rejectsInvalidValuesNamingTheKey() {
    assertThatThrownBy(() -> config("env", "Prod")).hasMessageContaining("env");
    assertThatThrownBy(() -> config("egress", "both")).hasMessageContaining("egress");
    assertThatThrownBy(() -> config("product.memory", "3000"))
        .hasMessageContaining("product")
        .hasMessageContaining("memory");
    assertThatThrownBy(() -> config("basket.minTasks", "4", "basket.maxTasks", "2"))
        .hasMessageContaining("basket");
    assertThatThrownBy(() -> config("account", "123")).hasMessageContaining("account");
    assertThatThrownBy(() -> config("account", "123456789012")).hasMessageContaining("region");
    assertThatThrownBy(() -> config("logRetentionDays", "10"))
        .hasMessageContaining("logRetentionDays");
    assertThatThrownBy(() -> config("scaling.cpuPercent", "x"))
        .hasMessageContaining("scaling.cpuPercent");
    assertThatThrownBy(() -> config("alarmEmail", "nobody")).hasMessageContaining("alarmEmail");
  }
}
