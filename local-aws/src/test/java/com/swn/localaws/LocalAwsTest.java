package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalAwsTest {

  @Test
  void isOneInstancePerJvm() {
    assertThat(LocalAws.shared()).isSameAs(LocalAws.shared());
  }

  @Test
  void exposesSpringAndChildProcessSettingsForTheSameEndpoint() {
    LocalAws aws = LocalAws.shared();

    assertThat(aws.springProperties())
        .containsEntry("spring.cloud.aws.endpoint", aws.endpoint().toString())
        .containsEntry("spring.cloud.aws.region.static", aws.region())
        .containsEntry("spring.cloud.aws.credentials.access-key", aws.accessKeyId())
        .containsEntry("spring.cloud.aws.credentials.secret-key", aws.secretAccessKey());
    assertThat(aws.environment())
        .containsEntry("AWS_ENDPOINT_URL", aws.endpoint().toString())
        .containsEntry("AWS_REGION", aws.region())
        .containsEntry("AWS_ACCESS_KEY_ID", aws.accessKeyId())
        .containsEntry("AWS_SECRET_ACCESS_KEY", aws.secretAccessKey());
  }

  @Test
  void resolvesQueueUrlsThroughTheApi() {
    LocalAws aws = LocalAws.shared();

    String url = aws.queueUrl("OrderQueue");

    assertThat(url).endsWith("/OrderQueue");
    assertThat(aws.provisioning().find(ProvisioningSummary.Kind.QUEUE, "OrderQueue"))
        .get()
        .extracting(ProvisioningSummary.ProvisionedResource::url)
        .isEqualTo(url);
  }

  @Test
  @UnsupportedOn(EmulatorGap.QUEUE_URL_FROM_BASE_URL)
  void queueUrlsStartWithTheEndpoint() {
    LocalAws aws = LocalAws.shared();

    assertThat(aws.queueUrl("OrderQueue")).startsWith(aws.endpoint().toString());
  }

  @Test
  void logsMotoOutputUnderTargetWhenItStartedMoto() throws Exception {
    LocalAws aws = LocalAws.shared();
    assumeTrue(
        aws.emulator() == Emulator.MOTO && aws.startedHere(), "moto was not started by this JVM");
    Path log = Path.of("target", "moto-" + aws.endpoint().getPort() + ".log");

    assertThat(log).exists();
    assertThat(Files.readString(log))
        .contains("Running on http://127.0.0.1:" + aws.endpoint().getPort());
  }

  @Test
  void findsTheRepositoryRootFromAModuleDirectory() {
    Path root = HostEmulatorProcess.findRepoRoot(Path.of(""));

    assertThat(root).isNotNull();
    assertThat(root.resolve("scripts/moto.sh")).isRegularFile();
    assertThat(HostEmulatorProcess.findRepoRoot(Path.of("/"))).isNull();
  }
}
