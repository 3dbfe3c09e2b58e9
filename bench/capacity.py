#!/usr/bin/env python3
"""Capacity and monthly cost from a benchmark report (bench/run.sh writes report.json).

  python3 bench/capacity.py .run/bench/<time>/report.json [--profile tuned] [--rates 5,20,50,100,500]

Prints Markdown: Fargate tasks per service for a steady request rate of the load-test mix, derived from
the CPU time per request each service used in the benchmark, and the monthly cost of that design
(Fargate + HTTP API + internal ALB + VPC endpoints) next to the article's design (API Gateway REST API +
Lambda), with the crossover. Every assumption is a named constant below; prices are US East (N. Virginia)
list prices as known from AWS's public pricing pages in 2025 and NOT re-verified online (this machine
reaches no AWS page): check them before relying on the result.
"""

from __future__ import annotations

import argparse
import json
import math

PRICES_AS_OF = "AWS public list prices, us-east-1, as known in 2025; not re-verified online from here"
HOURS_PER_MONTH = 730
SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600

# Fargate (infra-cdk: ARM64 tasks, 0.5 vCPU + 1 GB by default)
FARGATE_ARM_VCPU_H = 0.03238
FARGATE_ARM_GB_H = 0.00356
TASK_VCPU = 0.5
TASK_GB = 1.0
TARGET_CPU = 0.60  # infra-cdk scaling.cpuPercent
MIN_TASKS = 2  # per service, for two AZs (infra-cdk production default)
# Fixed parts of the container design (infra-cdk README, env=prod): internal ALB, interface endpoints
ALB_HOUR = 0.0225
ALB_LCU_HOUR = 0.008
BYTES_PER_REQUEST = 3000  # request + response through the ALB (LCU processed-bytes dimension)
ENDPOINTS_MONTH = 73.00  # 5 interface endpoints x 2 AZs x $0.01/h
HTTP_API_PER_M = [(300e6, 1.00), (math.inf, 0.90)]

# The article's design: API Gateway REST API -> Lambda (Node.js, x86), SQS -> Lambda for orders
REST_API_PER_M = [(333e6, 3.50), (667e6, 2.80), (19e9, 2.38), (math.inf, 1.51)]
LAMBDA_PER_M = 0.20
LAMBDA_GB_S = 0.0000166667
LAMBDA_MEMORY_GB = 0.125  # 128 MB, the CDK default the article's functions keep
LAMBDA_BILLED_MS = 50  # assumed mean billed duration per invocation (one or two DynamoDB calls)

# The load-test mix (k6/lib/options.js, MIX default): browse 30 %, read 45 %, fill 15 %, checkout 10 %
SHARE_PRODUCT_READS = 0.75
SHARE_BASKET_ADDS = 0.15
SHARE_CHECKOUTS = 0.10


def tiered(count: float, tiers: list[tuple[float, float]]) -> float:
    cost, done = 0.0, 0.0
    for size, per_million in tiers:
        part = min(count - done, size)
        if part <= 0:
            break
        cost += part / 1e6 * per_million
        done += part
    return cost


def task_month() -> float:
    return (TASK_VCPU * FARGATE_ARM_VCPU_H + TASK_GB * FARGATE_ARM_GB_H) * HOURS_PER_MONTH


def cpu_model(report: dict, profile: str) -> dict:
    if profile not in report["profiles"]:
        raise SystemExit(f"capacity: the report has no profile {profile!r} (it has {', '.join(report['profiles'])})")
    p = report["profiles"][profile]
    basket = p.get("basket_median") or {}
    journey = p.get("journey") or {}
    missing = [phase for phase, there in (("read", p.get("read_median")), ("consumer", p.get("consumer_median")),
                                          ("basket or journey", basket or journey)) if not there]
    if missing:
        raise SystemExit("capacity: the report lacks the " + ", ".join(missing) + " phase(s), which the model needs;"
                         " run the benchmark without skipping them")
    read = p["read_median"]["direct: GET /product/{id}"]["cpu_ms_per_op"]
    consumer = p["consumer_median"]["ordering, 1 instance"]["cpu_ms_per_message"]
    return {
        # CPU ms per request of each kind, in the service that serves it
        "product_read": read["product-service"],
        # a basket = one add (basket + one product read) + one checkout; warm and at a high rate when the
        # report has the basket phase, else from the 5/s journey (colder, background work shared by few)
        "basket_request": (basket or journey)["cpu_ms_per_op"]["basket-service"] / 2,
        "order_message": consumer["ordering-service"],
    }


def fargate(rate: float, cpu: dict) -> dict:
    per_task = TARGET_CPU * TASK_VCPU * 1000  # CPU ms per second one task may use
    loads = {
        "product-service": rate * (SHARE_PRODUCT_READS + SHARE_BASKET_ADDS) * cpu["product_read"],
        "basket-service": rate * (SHARE_BASKET_ADDS + SHARE_CHECKOUTS) * cpu["basket_request"],
        "ordering-service": rate * SHARE_CHECKOUTS * cpu["order_message"],
    }
    tasks = {name: max(MIN_TASKS, math.ceil(load / per_task)) for name, load in loads.items()}
    requests = rate * SECONDS_PER_MONTH
    alb_bytes_gb_h = rate * (1 + SHARE_BASKET_ADDS) * BYTES_PER_REQUEST * 3600 / 1e9
    lcu = max(1.0, alb_bytes_gb_h, rate * (1 + SHARE_BASKET_ADDS) / 1000)
    cost = {
        "fargate": sum(tasks.values()) * task_month(),
        "http_api": tiered(requests, HTTP_API_PER_M),
        "alb": (ALB_HOUR + lcu * ALB_LCU_HOUR) * HOURS_PER_MONTH,
        "endpoints": ENDPOINTS_MONTH,
    }
    return {"tasks": tasks, "cost": cost, "total": sum(cost.values())}


def lambda_rest(rate: float, api_tiers=None) -> dict:
    requests = rate * SECONDS_PER_MONTH
    invocations = requests * (1 + SHARE_CHECKOUTS)  # API calls + one ordering invocation per checkout
    cost = {
        "rest_api": tiered(requests, api_tiers or REST_API_PER_M),
        "lambda": invocations / 1e6 * LAMBDA_PER_M + invocations * LAMBDA_MEMORY_GB * LAMBDA_BILLED_MS / 1000 * LAMBDA_GB_S,
    }
    return {"cost": cost, "total": sum(cost.values())}


def crossover(cpu: dict, api_tiers=None) -> float | None:
    rate = 0.01
    while rate < 100000:
        if fargate(rate, cpu)["total"] <= lambda_rest(rate, api_tiers)["total"]:
            return rate
        rate *= 1.02
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report")
    parser.add_argument("--profile", default="default")
    parser.add_argument("--rates", default="1,5,10,25,50,100,250,500,1000")
    parser.add_argument("--cpu", default="", help="override measured CPU ms, e.g. product_read=0.29,order_message=2.17")
    args = parser.parse_args()
    report = json.load(open(args.report, encoding="utf-8"))
    cpu = cpu_model(report, args.profile)
    for item in filter(None, args.cpu.split(",")):
        key, value = item.split("=")
        if key not in cpu:
            raise SystemExit(f"--cpu: unknown key {key}; known: {', '.join(cpu)}")
        cpu[key] = float(value)
    per_task = TARGET_CPU * TASK_VCPU * 1000

    print(f"Prices: {PRICES_AS_OF}. Report: `{args.report}`, profile `{args.profile}`, "
          f"emulator {report['emulator'].get('name')}" + (f", overridden: `{args.cpu}`" if args.cpu else "") + ".\n")
    print("| Measured CPU per operation | ms | one 0.5 vCPU task at 60 % serves |")
    print("|---|---:|---:|")
    for key, label in (("product_read", "product-service, GET /product/{id}"),
                       ("basket_request", "basket-service, per add-item or checkout "
                        + ("(basket phase / 2)" if (report["profiles"][args.profile].get("basket_median")) else "(journey / 2)")),
                       ("order_message", "ordering-service, per CheckoutBasket message")):
        print(f"| {label} | {cpu[key]:.2f} | {per_task / cpu[key]:.0f} per s |")
    print()
    print(f"Fargate task (ARM64, {TASK_VCPU} vCPU + {TASK_GB:g} GB): ${task_month():.2f}/month; at least "
          f"{MIN_TASKS} tasks per service. Lambda: {LAMBDA_MEMORY_GB * 1024:.0f} MB, {LAMBDA_BILLED_MS} ms billed "
          f"per invocation (assumed).\n")
    print("| req/s (mix) | M req/month | tasks product / basket / ordering | Fargate | HTTP API | ALB | endpoints "
          "| **containers total** | REST API | Lambda | **Lambda + REST total** |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for rate in (float(r) for r in args.rates.split(",")):
        f, l = fargate(rate, cpu), lambda_rest(rate)
        t = f["tasks"]
        print(f"| {rate:g} | {rate * SECONDS_PER_MONTH / 1e6:,.1f} | {t['product-service']} / {t['basket-service']} / "
              f"{t['ordering-service']} | ${f['cost']['fargate']:,.0f} | ${f['cost']['http_api']:,.0f} | "
              f"${f['cost']['alb']:,.0f} | ${f['cost']['endpoints']:,.0f} | **${f['total']:,.0f}** | "
              f"${l['cost']['rest_api']:,.0f} | ${l['cost']['lambda']:,.0f} | **${l['total']:,.0f}** |")
    x = crossover(cpu)
    if x:
        print(f"\nCrossover: from about **{x:.1f} req/s** (~{x * SECONDS_PER_MONTH / 1e6:,.0f} M requests/month) of "
              f"steady traffic the container design costs less; below it the Lambda + REST API design does.")
    y = crossover(cpu, HTTP_API_PER_M)
    if y:
        print(f"\nFor comparison, had the article used an HTTP API in front of its Lambdas, the crossover would be "
              f"at about **{y:.0f} req/s** (~{y * SECONDS_PER_MONTH / 1e6:,.0f} M requests/month): most of the "
              f"difference at steady load is the REST API's price per request, not Lambda's.")


if __name__ == "__main__":
    main()
