"""Time PutEvents to a rule with an SQS target: plain moto_server vs moto_server_fast.py.

Starts each server in turn on a free port, creates a bus, a queue and a rule that
targets it, then times N single-entry PutEvents calls (after one warm-up call) and
prints the median / p90 / total per server. Used for the numbers in docs/local-aws.md.

Usage: python3 tools/moto/bench_put_events.py [--events 20] [--rounds 1]
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/moto-api/data.json", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"moto at {url} did not answer within {timeout}s")


def client(name, url):
    return boto3.client(name, endpoint_url=url, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test")


def run(label, command, events):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(command + ["-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(url)
        sqs, events_client = client("sqs", url), client("events", url)
        queue_url = sqs.create_queue(QueueName="BenchQueue")["QueueUrl"]
        queue_arn = sqs.get_queue_attributes(
            QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        events_client.create_event_bus(Name="BenchBus")
        events_client.put_rule(Name="BenchRule", EventBusName="BenchBus",
                               EventPattern=json.dumps({"source": ["bench"]}))
        events_client.put_targets(Rule="BenchRule", EventBusName="BenchBus",
                                  Targets=[{"Id": "q", "Arn": queue_arn}])
        entry = {"EventBusName": "BenchBus", "Source": "bench", "DetailType": "Bench",
                 "Detail": json.dumps({"n": 1})}
        events_client.put_events(Entries=[entry])  # warm-up (imports, first parse)
        timings = []
        for _ in range(events):
            start = time.perf_counter()
            response = events_client.put_events(Entries=[entry])
            timings.append(time.perf_counter() - start)
            assert response["FailedEntryCount"] == 0, response
        delivered = int(sqs.get_queue_attributes(
            QueueUrl=queue_url, AttributeNames=["ApproximateNumberOfMessages"]
        )["Attributes"]["ApproximateNumberOfMessages"])
        assert delivered == events + 1, f"expected {events + 1} messages, got {delivered}"
        timings.sort()
        p90 = timings[max(0, int(round(0.9 * len(timings))) - 1)]
        print(f"{label:<22} events={events} median={statistics.median(timings) * 1000:8.1f} ms "
              f"p90={p90 * 1000:8.1f} ms total={sum(timings):6.2f} s delivered={delivered}")
        return statistics.median(timings)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    plain = [sys.executable, "-c", "from moto.server import main; main()"]
    fast = [sys.executable, os.path.join(HERE, "moto_server_fast.py")]
    for _ in range(args.rounds):
        slow_median = run("moto_server (plain)", plain, args.events)
        fast_median = run("moto_server_fast.py", fast, args.events)
        print(f"speed-up of the median: x{slow_median / fast_median:.1f}")


if __name__ == "__main__":
    main()
