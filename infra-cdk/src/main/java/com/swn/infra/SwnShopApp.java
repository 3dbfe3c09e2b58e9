package com.swn.infra;

import software.amazon.awscdk.App;

/** Entry point of {@code cdk synth|deploy} (see cdk.json) and of {@code make synth}. */
public final class SwnShopApp {

  private SwnShopApp() {}

  public static void main(String[] args) {
    App app = new App();
    SwnShop.create(app, InfraConfig.from(app.getNode()));
    app.synth();
  }
}
