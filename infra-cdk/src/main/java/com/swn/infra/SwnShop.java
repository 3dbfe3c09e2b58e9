package com.swn.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.TagProps;
import software.amazon.awscdk.Tags;

/**
 * The whole system as stacks: shared first, then one per service, then monitoring. cdk-nag's AWS
 * Solutions checks run on every stack of the app; findings are errors.
 */
public record SwnShop(
    SharedStack shared,
    ProductStack product,
    BasketStack basket,
    OrderingStack ordering,
    MonitoringStack monitoring) {

  /** Adds every stack of the system to {@code app}. */
  public static SwnShop create(App app, InfraConfig config) {
    String prefix = config.stackPrefix();
    SharedStack shared =
        new SharedStack(
            app, prefix + "Shared", props(config, "network, cluster, bus, HTTP API"), config);
    ProductStack product =
        new ProductStack(app, prefix + "Product", props(config, "product service"), config, shared);
    BasketStack basket =
        new BasketStack(app, prefix + "Basket", props(config, "basket service"), config, shared);
    OrderingStack ordering =
        new OrderingStack(
            app, prefix + "Ordering", props(config, "ordering service"), config, shared);
    MonitoringStack monitoring =
        new MonitoringStack(
            app,
            prefix + "Monitoring",
            props(config, "dashboard and alarms"),
            config,
            shared,
            List.of(
                new MonitoringStack.Watched("Product", product.service()),
                new MonitoringStack.Watched("Basket", basket.service()),
                new MonitoringStack.Watched("Ordering", ordering.service())),
            List.of(
                new MonitoringStack.Consumer(
                    "OrderQueue", ordering.orders(), ordering.checkoutRule()),
                new MonitoringStack.Consumer(
                    "BasketProductEventsQueue",
                    basket.productEvents(),
                    basket.productEventsRule())),
            List.of(
                new MonitoringStack.Outbox("Product", product.outboxTable()),
                new MonitoringStack.Outbox("Basket", basket.outboxTable())),
            List.of(new MonitoringStack.WorkQueue("BasketRepricingQueue", basket.repricing())));
    // Listener rules and dashboards stay untagged: the CloudFormation resource schemas cfn-lint
    // checks
    // against have no Tags on them.
    TagProps tagProps =
        TagProps.builder()
            .excludeResourceTypes(
                List.of("AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::CloudWatch::Dashboard"))
            .build();
    Tags.of(app).add("project", "swn-shop", tagProps);
    Tags.of(app).add("environment", config.envName(), tagProps);
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    return new SwnShop(shared, product, basket, ordering, monitoring);
  }

  private static StackProps props(InfraConfig config, String what) {
    return StackProps.builder()
        .env(config.environment())
        .description("SWN shop (" + config.envName() + "): " + what)
        .terminationProtection(config.production())
        .build();
  }
}
