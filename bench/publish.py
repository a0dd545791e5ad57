#!/usr/bin/env python3
"""Publishes one notice to an SNS topic with boto3, twice, and prints how long each step took.

    publish.py MESSAGE_FILE

MESSAGE_FILE is JSON: {"topic_arn": ..., "subject": ..., "message": ...}, the message being the MessageStructure json
document that the notifier publishes. The endpoint, region and keys come from the environment, as the notifier's do:
AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.

Prints one JSON line of milliseconds: import (boto3), client (session and SNS client), publish (the first, which pays
for what the client builds on first use), warm_publish (the same message again, from the same client).
bench/cold-start runs it in a new process each time.
"""
import json
import os
import sys
import time


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
    print(json.dumps({"import": ms(t0, t1), "client": ms(t1, t2), "publish": ms(t2, t3), "warm_publish": ms(t3, t4),
                      "message_ids": [first, second]}))


if __name__ == "__main__":
    main()
