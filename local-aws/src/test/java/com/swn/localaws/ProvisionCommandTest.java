package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisionCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void refusesToRunWithoutAnEndpoint() {
    int exit = run(List.of(), Map.of("AWS_REGION", "eu-west-1"));

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("AWS_ENDPOINT_URL is not set", "--allow-real-aws");
    assertThat(text(out)).isEmpty();
  }

  @Test
  void rejectsAnUnknownArgument() {
    assertThat(run(List.of("--force"), Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1")))
        .isEqualTo(1);
    assertThat(text(err)).contains("unknown argument: --force", "usage:");
  }

  @Test
  void failsWhenTheEndpointDoesNotAnswer() {
    int exit =
        run(List.of("--wait-seconds", "1"), Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1"));

    assertThat(exit).isEqualTo(1);
    assertThat(text(err))
        .contains("provisioning http://127.0.0.1:1 failed", "did not answer within 1 s");
  }

  @Test
  void printsOneLinePerResourceAgainstAnEmulator() {
    LocalAws aws = LocalAws.shared();

    int exit = run(List.of(), aws.environment());

    assertThat(exit).as(text(err)).isZero();
    List<String> lines = text(out).lines().toList();
    assertThat(lines).hasSize(17 + 1);
    assertThat(lines)
        .anySatisfy(
            line -> assertThat(line).startsWith("table").contains("basket-idempotency", "existed"));
    assertThat(lines)
        .anySatisfy(
            line -> assertThat(line).startsWith("queue").contains("OrderQueue-dlq", "existed"));
    assertThat(lines.getLast())
        .isEqualTo("provisioned 17 resources on " + aws.endpoint() + " (0 created)");
  }

  private int run(List<String> args, Map<String, String> env) {
    return ProvisionCommand.run(args, env, print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream buffer) {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
