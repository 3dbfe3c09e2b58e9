# syntax=docker/dockerfile:1.7
# The image of each Spring Boot module: product-service, basket-service, ordering-service, the gateway and
# the local token issuer (auth-server).
# The build context is the repository root (the Maven reactor needs the root pom and every module's pom); the
# module and its port are build arguments, both required:
#   docker build --build-arg MODULE=product-service --build-arg PORT=8081 .
#   docker buildx build --platform linux/amd64,linux/arm64 --build-arg MODULE=product-service --build-arg PORT=8081 .
# docker-compose.yml and the CDK image assets (infra-cdk SpringBootFargateService) pass them.
# Build argument AOT_CACHE=true|false (default true): train a Java 25 AOT cache at build time.
# Build argument SPRING_AOT_ARGUMENTS (default none): the -D settings that switch an auto-configuration on where
# the image will run; Spring AOT processing decides those conditions at build time. The CDK passes the OTLP
# exporter's and the CloudWatch registry's; a service started with other switches stops and says which.
# Why each choice: docs/containers.md.

# ---- build: Maven, for this module and the modules it needs (-am). Java bytecode and the extracted layers
# are the same on every platform, so this stage runs on the builder's own platform (no emulation).
FROM --platform=$BUILDPLATFORM eclipse-temurin:25.0.3_9-jdk-noble AS build
ARG MODULE
RUN test -n "$MODULE" || { echo "build argument MODULE is required, e.g. --build-arg MODULE=product-service" >&2; exit 1; }
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
# Maven reads every module of the reactor, even with -pl: all module poms, sources only where -am needs them
# (the library modules: the gateway needs only test-support's, the services all four).
COPY event-contracts/pom.xml event-contracts/
COPY platform/pom.xml platform/
COPY local-aws/pom.xml local-aws/
COPY test-support/pom.xml test-support/
COPY auth-server/pom.xml auth-server/
COPY gateway/pom.xml gateway/
COPY product-service/pom.xml product-service/
COPY basket-service/pom.xml basket-service/
COPY ordering-service/pom.xml ordering-service/
COPY e2e-tests/pom.xml e2e-tests/
COPY infra-cdk/pom.xml infra-cdk/
COPY event-contracts/src/ event-contracts/src/
COPY platform/src/ platform/src/
COPY local-aws/src/ local-aws/src/
COPY test-support/src/ test-support/src/
COPY ${MODULE}/src/ ${MODULE}/src/
ARG SPRING_AOT_ARGUMENTS=""
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl ${MODULE} -am -DskipTests "-Dspring-boot.aot.jvmArguments=${SPRING_AOT_ARGUMENTS}" package
# Boot's layers as app.jar + lib/: a plain class path, which the JVM's AOT cache can archive (the exploded
# launcher layout of --launcher loads classes through Boot's class loader, which the cache leaves out).
RUN java -Djarmode=tools -jar ${MODULE}/target/${MODULE}-*.jar \
      extract --layers --destination /layers --application-filename app.jar

# ---- runtime: a pinned Java 25 JRE, curl for the health probe, a non-root user.
FROM eclipse-temurin:25.0.3_9-jre-noble
ARG PORT
RUN test -n "$PORT" || { echo "build argument PORT is required, e.g. --build-arg PORT=8081" >&2; exit 1; }
# The JRE base has neither curl nor wget; curl serves this HEALTHCHECK, compose's, the ECS task's and the
# AOT training run's requests.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app
WORKDIR /app
# One image layer per Boot layer, from the least to the most often changed.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
ENV SERVER_PORT=${PORT}
# JVM options live in /app/jvm.options (the repository's jvm.options, read with java @file), so the training
# run, every start and make up use the same ones. The training run is scripts/aot-train.sh, the one
# `make up` runs too (mounted for this step only, not part of the image): it starts the service on a free
# local port with AWS pointed at a closed one (no emulator: every AWS call is refused), asks it the health
# requests every start is first asked, stops it, and fails the build if it did not come up. Heap capped
# so that the cache uses compressed oops, as the runtime does; absolute paths, the same as at run time, so
# the cache matches whatever the working directory.
ARG AOT_CACHE=true
ARG SPRING_AOT_ARGUMENTS=""
COPY jvm.options /app/jvm.options
RUN --mount=type=bind,source=scripts/aot-train.sh,target=/tmp/aot-train.sh \
    if [ "$AOT_CACHE" = "true" ]; then \
      bash /tmp/aot-train.sh /app/app.jar /app/app.aot @/app/jvm.options -Xmx1g ${SPRING_AOT_ARGUMENTS} \
      && echo '-XX:AOTCache=/app/app.aot' >> /app/jvm.options; \
    fi
USER 10001:10001
EXPOSE ${PORT}
# Liveness, not readiness: a DynamoDB brownout (or a slow upstream, for the gateway) must not mark a running
# JVM unhealthy (docs/containers.md).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null --max-time 4 "http://127.0.0.1:${SERVER_PORT}/actuator/health/liveness" || exit 1
# exec: java is PID 1 and gets SIGTERM (graceful shutdown). JAVA_OPTS adds or overrides JVM options.
ENTRYPOINT ["/bin/sh", "-c", "exec java @/app/jvm.options ${JAVA_OPTS:-} -jar /app/app.jar \"$@\"", "--"]
