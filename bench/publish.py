#!/usr/bin/env python3
"""Publishes one notice to an SNS topic with boto3, twice, and prints how long each step took.

    publish.py MESSAGE_FILE

MESSAGE_FILE is JSON: {"topic_arn": ..., "subject": ..., "message": ..., "lookups": [...]}, the message being the
MessageStructure json document that the notifier publishes, and lookups (optional) the calls the notifier made before
it published, each {"service": "rds", "action": "DescribeDBInstances", "params": {...}} with boto3's parameters. The
endpoint, region and keys come from the environment, as the notifier's do: AWS_ENDPOINT_URL, AWS_REGION,
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.

Prints one JSON line of milliseconds: import (boto3), client (session and SNS client), publish (the first, which pays
for what the client builds on first use), warm_publish (the same message again, from the same client), and
warm_calls: the lookups side by side, each on a thread of its own, then the publish, from clients and threads that
have made those calls once already (untimed). warm_calls is what the AWS calls the notifier makes for this event take
by themselves, with nothing read, classified or written in between; after_first_publish: all that followed the first
publish, which a process that publishes once would not do. bench/cold-start runs it in a new process each time.
"""
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from botocore import xform_name


def ms(start, end):
    return round((end - start) / 1e6, 3)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        notice = json.load(f)
    t0 = time.perf_counter_ns()
    import boto3  # pylint: disable=import-outside-toplevel

    t1 = time.perf_counter_ns()
    sns = boto3.client("sns", region_name=os.environ["AWS_REGION"])
    t2 = time.perf_counter_ns()

    def publish():
        return sns.publish(TopicArn=notice["topic_arn"], Subject=notice["subject"], Message=notice["message"],
                           MessageStructure="json")["MessageId"]

    first = publish()
    t3 = time.perf_counter_ns()
    second = publish()
    t4 = time.perf_counter_ns()

    lookups = notice.get("lookups", [])
    clients = {service: boto3.client(service, region_name=os.environ["AWS_REGION"])
               for service in {lookup["service"] for lookup in lookups}}

    def look_up(lookup):
        return getattr(clients[lookup["service"]], xform_name(lookup["action"]))(**lookup["params"])

    with ThreadPoolExecutor(max(1, len(lookups))) as threads:
        def look_up_side_by_side():
            for done in [threads.submit(look_up, lookup) for lookup in lookups]:
                done.result()

        look_up_side_by_side()  # untimed: the clients and threads make their first calls
        t5 = time.perf_counter_ns()
        look_up_side_by_side()
        third = publish()
        t6 = time.perf_counter_ns()
    print(json.dumps({"import": ms(t0, t1), "client": ms(t1, t2), "publish": ms(t2, t3), "warm_publish": ms(t3, t4),
                      "warm_calls": ms(t5, t6), "after_first_publish": ms(t3, t6), "lookups": len(lookups),
                      "message_ids": [first, second, third]}))


if __name__ == "__main__":
    main()
