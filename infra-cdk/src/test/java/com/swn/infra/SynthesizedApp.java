package com.swn.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * The app synthesized once per test JVM (Surefire reuses one fork for all classes) and shared by
 * every test class. The default instance is a development environment in a concrete (fictitious)
 * account and region and writes its cloud assembly to {@code target/cdk.out}, where {@code make
 * test} runs cfn-lint on it.
 */
record SynthesizedApp(SwnShop shop, Map<Stack, Template> templates) {

  /** A fictitious account and region: test data only, never read by the app outside tests. */
  static final String TEST_ACCOUNT = "111111111111";

  static final String TEST_REGION = "eu-west-1";

  private static SynthesizedApp development;
  private static SynthesizedApp production;

  /**
   * {@code env=dev} in {@value #TEST_ACCOUNT}/{@value #TEST_REGION}, written to {@code
   * target/cdk.out}.
   */
  static synchronized SynthesizedApp development() {
    if (development == null) {
      development =
          synthesize(
              Map.of(
                  "env",
                  "dev",
                  "account",
                  TEST_ACCOUNT,
                  "region",
                  TEST_REGION,
                  "alarmEmail",
                  "ops@example.com"),
              Path.of("target/cdk.out"));
    }
    return development;
  }

  /**
   * {@code env=prod}, environment-agnostic (no account or region: what {@code make synth} produces
   * without AWS credentials), written to {@code target/cdk.out-prod}.
   */
  static synchronized SynthesizedApp production() {
    if (production == null) {
      production = synthesize(Map.of("env", "prod"), Path.of("target/cdk.out-prod"));
    }
    return production;
  }

  private static SynthesizedApp synthesize(Map<String, String> settings, Path outdir) {
    Map<String, String> context = Map.copyOf(settings);
    deleteRecursively(
        outdir); // no stale templates or assets from an earlier run for cfn-lint to find
    App app =
        new App(
            AppProps.builder()
                .outdir(outdir.toAbsolutePath().toString())
                .context(Map.copyOf(context))
                .build());
    InfraConfig config = InfraConfig.from(context::get, Map.of());
    SwnShop shop = SwnShop.create(app, config);
    Map<Stack, Template> templates = new LinkedHashMap<>();
    for (Stack stack :
        List.of(shop.shared(), shop.product(), shop.basket(), shop.ordering(), shop.monitoring())) {
      templates.put(stack, Template.fromStack(stack));
    }
    return new SynthesizedApp(shop, templates);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Template template(Stack stack) {
    return templates.get(stack);
  }

  /** The template's resources as plain maps. */
  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> resources(Stack stack) {
    return (Map<String, Map<String, Object>>) template(stack).toJSON().get("Resources");
  }

  /** The CloudFormation properties of the L1 resource behind {@code construct}. */
  @SuppressWarnings("unchecked")
  Map<String, Object> properties(IConstruct construct) {
    Stack stack = Stack.of(construct);
    return (Map<String, Object>) resources(stack).get(logicalId(construct)).get("Properties");
  }

  static String logicalId(IConstruct construct) {
    IConstruct element =
        construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
    return Stack.of(construct).resolve(((CfnElement) element).getLogicalId()).toString();
  }
}
