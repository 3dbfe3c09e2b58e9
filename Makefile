# Local development entry points. `make` (or `make help`) lists them.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# JDK 25: $JAVA_HOME if it is a JDK 25, else the first /usr/lib/jvm/temurin-25* (see scripts/java-home.sh).
JDK := $(shell scripts/java-home.sh 2>/dev/null)
ifneq ($(JDK),)
export JAVA_HOME := $(JDK)
export PATH := $(JDK)/bin:$(PATH)
endif

MVNW := ./mvnw -B

.PHONY: help up down test test-localstack test-floci build clean jdk synth compose-check
.PHONY: k6 k6-check k6-dry-run bench

help: ## List the targets
	@echo "Usage: make <target>"
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-15s %s\n", $$1, $$2}'
	@echo "JDK 25: $(if $(JDK),$(JDK),not found - run 'make jdk' for how to get one)"

up: jdk ## Build, start moto (unless AWS_ENDPOINT_URL is set), provision, run all services in the foreground
	scripts/up.sh

down: ## Stop whatever 'make up' started (safe when nothing runs)
	scripts/down.sh

# The end-to-end suite alone on LocalStack 4.14.0 (on the host without Docker). It starts the service jars that
# the full run just before packaged; -am rebuilds only what e2e-tests depends on, and the -Dtest filter leaves
# those modules' tests out (they ran on moto just before).
E2E_ON_LOCALSTACK := verify -pl e2e-tests -am -Dtest.emulator=localstack -Dtest='*E2ETest' -Dsurefire.failIfNoSpecifiedTests=false

test: jdk compose-check k6-check ## All modules' tests incl. end-to-end (./mvnw -B verify; starts moto itself, no Docker), the end-to-end suite again on LocalStack 4.14.0, then the benchmark driver's tests, `make up` against an emulator started outside it, cfn-lint and the checks against the packaged system (scripts/system-checks.sh, incl. the k6 dry run)
	$(MVNW) verify
	$(MVNW) $(E2E_ON_LOCALSTACK)
	scripts/tests/up-with-external-emulator.sh
	cd bench && go vet ./... && go test ./...
	infra-cdk/scripts/cfn-lint.sh infra-cdk/target/cdk.out infra-cdk/target/cdk.out-prod
	scripts/with-system.sh scripts/system-checks.sh

synth: jdk ## CDK templates into infra-cdk/cdk.out (no AWS account or Docker needed), then cfn-lint
	cd infra-cdk && CDK_OUTDIR=cdk.out scripts/app.sh
	infra-cdk/scripts/cfn-lint.sh infra-cdk/cdk.out

test-localstack: jdk ## The same tests on LocalStack 4.14.0: in its container with Docker, else on the host (scripts/localstack.sh)
	$(MVNW) verify -Dtest.emulator=localstack

test-floci: jdk ## The same tests on Floci 1.5.14, started by Testcontainers (needs Docker)
	$(MVNW) verify -Dtest.emulator=floci

compose-check: ## Static checks of docker-compose*.yml, the Dockerfiles and .dockerignore (no Docker needed)
	scripts/compose-check

build: jdk ## Package every module without running tests
	$(MVNW) -DskipTests package

clean: jdk ## Remove build output and run state (.run/); keeps the moto virtualenv
	$(MVNW) -q clean
	rm -rf .run

k6: ## Run SCRIPT=smoke|load|stress|spike|soak|checkout-journey (default smoke) with your own k6 against BASE_URL (k6 is not bundled)
	@command -v k6 >/dev/null || { echo "k6 is not installed: it is not bundled (AGPL-3.0). Install it (grafana.com/docs/k6), or run: docker compose --profile k6 run --rm k6 run /k6/$(or $(SCRIPT),smoke).js" >&2; exit 1; }
	k6 run -e BASE_URL=$(or $(BASE_URL),http://127.0.0.1:8080) k6/$(or $(SCRIPT),smoke).js

k6-check: ## k6 scripts, statically: npm ci of typescript + @types/k6, tsc (checkJs), options check, fixture self-test (no k6, no system)
	k6/verify.sh

k6-dry-run: ## k6 scripts' setup, each scenario once and teardown against a running 'make up' (or BASE_URL); not executed by k6
	k6/verify.sh --dry-run

bench: jdk ## Benchmark in one run (own moto or AWS_ENDPOINT_URL, own JVMs); report in .run/bench/; BENCH_ARGS=...
	bench/run.sh $(BENCH_ARGS)

jdk: ## Check that a JDK 25 is available
	@scripts/java-home.sh >/dev/null
