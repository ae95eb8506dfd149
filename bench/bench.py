#!/usr/bin/env python3
"""Benchmark of huntaze-audit: moto on loopback, a seeded account of a chosen size, a latency proxy, the audit,
and the hand-made runbook of `aws` commands it replaces. Entry point: bench/run (see the README's Performance).

Steps (each a subcommand; without one, `all`):
  seed     start moto on a free loopback port, seed the account, keep moto running; its pid, port and the seeded
           counts go to STATE/state.json
  measure  put the latency proxy in front of that moto, run the audit (a cold run that fills the proxy's answer
           cache when it is empty, then --runs measured runs), then the runbook, and print the figures (also
           STATE/results.json)
  stop     stop the moto of STATE
  all      seed into a temporary state, measure, stop

Why the proxy caches answers: moto answers about 100 requests/s, all on one CPU; a large audit makes thousands of
calls, so without the cache the benchmark would measure moto. The account is not changed while measuring (the
audit is read-only), so each distinct request's answer is fetched from moto once and then replayed; every call,
cached or not, waits the fixed latency before its answer is sent. The cache is kept in STATE/answers.pickle for the
next measure of the same state.
"""

import argparse
import concurrent.futures
import http.client
import http.server
import io
import json
import math
import os
import pickle
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zipfile

ACCOUNT = "123456789012"
DUMMY_ENV = {
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_SESSION_TOKEN": "",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_PAGER": "",
}

# Account shapes. Per region unless said otherwise (IAM users, S3 buckets, CloudFront distributions, Route 53 zones
# and health checks are account-wide; the buckets are spread over the regions); ECS services are spread evenly over
# the clusters. moto has no Amplify: the proxy answers ListApps with no app (see CANNED).
SIZES = {
    "large": dict(regions="us-east-1,eu-west-1", log_groups=2000, load_balancers=200, db_instances=150,
                  replication_groups=100, secrets=500, ecs_clusters=100, ecs_services=300, alarms=1000,
                  queues=300, rules=200, iam_users=300, ecr_repositories=50, distributions=50, certificates=100,
                  hosted_zones=20, health_checks=60, backup_plans=20, tables=200, buckets=300, security_groups=500,
                  functions=300),
    "small": dict(regions="us-east-1,eu-west-1", log_groups=5, load_balancers=2, db_instances=3,
                  replication_groups=2, secrets=3, ecs_clusters=2, ecs_services=4, alarms=5, queues=4, rules=3,
                  iam_users=3, ecr_repositories=2, distributions=2, certificates=2, hosted_zones=1, health_checks=2,
                  backup_plans=1, tables=3, buckets=4, security_groups=0, functions=0),
}
SIZE_FLAGS = ["log_groups", "load_balancers", "db_instances", "replication_groups", "secrets", "ecs_clusters",
              "ecs_services", "alarms", "queues", "rules", "iam_users", "ecr_repositories", "distributions",
              "certificates", "hosted_zones", "health_checks", "backup_plans", "tables", "buckets", "security_groups",
              "functions"]
GLOBAL_FLAGS = ("iam_users", "distributions", "hosted_zones", "health_checks", "buckets")


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# moto

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=30.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def start_moto(state_dir):
    port = free_port()
    log_file = open(os.path.join(state_dir, "moto.log"), "wb")
    # Its own session: it outlives a `seed` run when the state is kept, and Ctrl-C in the terminal does not reach it.
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    if not wait_for_port(port):
        process.kill()
        raise SystemExit("bench: moto did not start (see %s)" % log_file.name)
    return process.pid, port


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def stop_pid(pid):
    if not pid_alive(pid):
        return
    os.kill(pid, signal.SIGTERM)
    for _ in range(50):
        if not pid_alive(pid):
            return
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)


# ---------------------------------------------------------------------------------------------------------------
# seeding

def clients(port, region, member=None):
    """boto3 clients of the base account (123456789012), or of a member account: member is its assumed-role
    credentials (see seed_member)."""
    import boto3
    keys = member["credentials"] if member else {"aws_access_key_id": "bench", "aws_secret_access_key": "bench"}
    session = boto3.session.Session(region_name=region, **keys)
    config = __import__("botocore.config").config.Config(retries={"max_attempts": 10, "mode": "standard"},
                                                         max_pool_connections=32, s3={"addressing_style": "path"})
    url = "http://127.0.0.1:%d" % port
    return lambda service: RetryingClient(session.client(service, endpoint_url=url, config=config))


class RetryingClient:
    """A boto3 client whose calls are retried when moto answers an HTML 500: its handlers race under concurrent
    seeding ("OrderedDict mutated during iteration", in a duplicate-name check before anything is stored), and botocore
    does not retry an answer it cannot parse."""

    def __init__(self, client):
        self._client = client

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute) or name.startswith("get_") and name in ("get_paginator", "get_waiter"):
            return attribute

        def call(*args, **kwargs):
            import botocore.parsers
            for attempt in range(8):
                try:
                    return attribute(*args, **kwargs)
                except botocore.parsers.ResponseParserError:
                    if attempt == 7:
                        raise
                    time.sleep(0.05 * (attempt + 1))
        return call


def parallel(items, fn, workers):
    """Runs fn over items on a pool; returns the results in order; the first failure is raised."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, items))


def seed_region(port, region, shape, workers, member=None):
    client = clients(port, region, member)
    account = member["id"] if member else ACCOUNT
    counts = {}
    short = region.replace("-", "")

    logs = client("logs")
    parallel(range(shape["log_groups"]), lambda i: logs.create_log_group(
        logGroupName="/bench/%s/app-%05d" % (region, i)), workers)

    rds = client("rds")
    parallel(range(shape["db_instances"]), lambda i: rds.create_db_instance(
        DBInstanceIdentifier="db-%04d" % i, DBInstanceClass="db.t3.micro", Engine="postgres",
        MasterUsername="bench", MasterUserPassword="bench-password", AllocatedStorage=20,
        MultiAZ=(i % 2 == 0), BackupRetentionPeriod=7 if i % 3 else 0), workers)

    cache = client("elasticache")
    parallel(range(shape["replication_groups"]), lambda i: cache.create_replication_group(
        ReplicationGroupId="cache-%04d" % i, ReplicationGroupDescription="bench", Engine="redis",
        CacheNodeType="cache.t3.micro", NumCacheClusters=2), workers)

    secrets = client("secretsmanager")
    parallel(range(shape["secrets"]), lambda i: secrets.create_secret(
        Name="bench/secret-%05d" % i, SecretString="not-a-real-secret"), workers)

    cloudwatch = client("cloudwatch")
    parallel(range(shape["alarms"]), lambda i: cloudwatch.put_metric_alarm(
        AlarmName="bench-alarm-%05d" % i, Namespace="AWS/RDS", MetricName="CPUUtilization",
        Dimensions=[{"Name": "DBInstanceIdentifier", "Value": "db-%04d" % (i % max(1, shape["db_instances"]))}],
        Statistic="Average", Period=300, EvaluationPeriods=1, Threshold=90.0,
        ComparisonOperator="GreaterThanThreshold",
        AlarmActions=["arn:aws:sns:%s:%s:ops" % (region, account)] if i % 2 else []), workers)

    # ECR repositories; the first holds the image every bench service runs (never scanned: ScanNotFoundException).
    ecr = client("ecr")
    repositories = ["bench/app-%04d" % i for i in range(shape.get("ecr_repositories", 0))]
    parallel(repositories, lambda name: ecr.create_repository(repositoryName=name), workers)
    image = "nginx"
    if repositories:
        ecr.put_image(repositoryName=repositories[0], imageTag="1.0", imageManifest=json.dumps({
            "schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 7023,
                       "digest": "sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7"},
            "layers": []}))
        image = "%s.dkr.ecr.%s.amazonaws.com/%s:1.0" % (account, region, repositories[0])

    ecs = client("ecs")
    ecs.register_task_definition(family="bench", containerDefinitions=[
        {"name": "app", "image": image, "memory": 512}], requiresCompatibilities=["EC2"])
    cluster_names = ["bench-%04d" % i for i in range(shape["ecs_clusters"])]
    parallel(cluster_names, lambda name: ecs.create_cluster(clusterName=name), workers)
    services = [(cluster_names[i % len(cluster_names)], "svc-%05d" % i)
                for i in range(shape["ecs_services"] if cluster_names else 0)]
    parallel(services, lambda cs: ecs.create_service(cluster=cs[0], serviceName=cs[1], taskDefinition="bench",
                                                      desiredCount=1), workers)

    # Every third service scales (Application Auto Scaling), at most 20 a region: one page of scalable targets (50
    # a page), two of policies (10 a page) in the large shape. Step-scaling policies: target tracking would make
    # moto create two CloudWatch alarms per policy, changing the account's alarm count. (Beyond 100 targets, moto's
    # DescribeScalableTargets repeats its second page's token and never ends.)
    scaling = client("application-autoscaling")

    def scale(cs):
        target = dict(ServiceNamespace="ecs", ResourceId="service/%s/%s" % cs,
                      ScalableDimension="ecs:service:DesiredCount")
        scaling.register_scalable_target(MinCapacity=1, MaxCapacity=2, **target)
        scaling.put_scaling_policy(PolicyName="scale-out", PolicyType="StepScaling", StepScalingPolicyConfiguration={
            "AdjustmentType": "ChangeInCapacity",
            "StepAdjustments": [{"MetricIntervalLowerBound": 0, "ScalingAdjustment": 1}]}, **target)
    parallel(services[::3][:20], scale, workers)
    acm = client("acm")
    parallel(range(shape["certificates"]), lambda i: acm.request_certificate(
        DomainName="app-%04d.%s.bench.example" % (i, region), ValidationMethod="DNS"), workers)

    elbv2 = client("elbv2")
    ec2 = client("ec2")
    subnets = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]
    vpc = subnets[0]["VpcId"]
    two_zones = [s["SubnetId"] for s in sorted(subnets, key=lambda s: s["AvailabilityZone"])[:2]]

    def load_balancer(i):
        lb = elbv2.create_load_balancer(Name="alb-%s-%04d" % (short[:10], i), Subnets=two_zones,
                                        Type="application", Scheme="internet-facing")["LoadBalancers"][0]
        group = elbv2.create_target_group(Name="tg-%s-%04d" % (short[:10], i), Protocol="HTTP", Port=80, VpcId=vpc,
                                          TargetType="ip")["TargetGroups"][0]
        elbv2.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80,
                              DefaultActions=[{"Type": "forward", "TargetGroupArn": group["TargetGroupArn"]}])
        elbv2.register_targets(TargetGroupArn=group["TargetGroupArn"],
                               Targets=[{"Id": "10.0.%d.%d" % (i // 250, i % 250 + 1), "Port": 80}])
    parallel(range(shape["load_balancers"]), load_balancer, workers)

    # SQS: every other queue is the dead-letter queue of the one before it (created first, so the RedrivePolicy
    # names a queue that exists).
    sqs = client("sqs")
    queue_arn = lambda name: "arn:aws:sqs:%s:%s:%s" % (region, account, name)
    parallel([i for i in range(shape["queues"]) if i % 2 == 1], lambda i: sqs.create_queue(
        QueueName="queue-%05d" % i), workers)
    parallel([i for i in range(shape["queues"]) if i % 2 == 0], lambda i: sqs.create_queue(
        QueueName="queue-%05d" % i, Attributes={} if i + 1 >= shape["queues"] else {"RedrivePolicy": json.dumps(
            {"deadLetterTargetArn": queue_arn("queue-%05d" % (i + 1)), "maxReceiveCount": 5})}), workers)

    # Security groups in the default VPC, every fifth open to the world on SSH (what ec2.security-group-open-ports
    # judges); none is attached to a network interface.
    def security_group(i):
        group = ec2.create_security_group(GroupName="bench-sg-%04d" % i, Description="bench", VpcId=vpc)["GroupId"]
        if i % 5 == 0:
            ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{
                "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    parallel(range(shape.get("security_groups", 0)), security_group, workers)

    # Lambda functions (zip, no Docker needed), runtimes alternating between a supported and a deprecated one; every
    # tenth with an on-failure destination (an event invoke config). The role is created once per account.
    lam = client("lambda")
    function_arn = lambda i: "arn:aws:lambda:%s:%s:function:bench-fn-%04d" % (region, ACCOUNT, i)
    if shape.get("functions", 0):
        role = "arn:aws:iam::%s:role/bench-lambda" % ACCOUNT
        try:
            client("iam").create_role(RoleName="bench-lambda", AssumeRolePolicyDocument=json.dumps({
                "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                        "Principal": {"Service": "lambda.amazonaws.com"}}]}))
        except client("iam").exceptions.EntityAlreadyExistsException:
            pass
        code = io.BytesIO()
        with zipfile.ZipFile(code, "w") as archive:
            archive.writestr("handler.py", "def handler(event, context):\n    return None\n")

        def function(i):
            lam.create_function(FunctionName="bench-fn-%04d" % i, Runtime="python3.12" if i % 2 else "python3.8",
                                Role=role, Handler="handler.handler", Code={"ZipFile": code.getvalue()})
            if i % 10 == 0:
                lam.put_function_event_invoke_config(FunctionName="bench-fn-%04d" % i, DestinationConfig={
                    "OnFailure": {"Destination": queue_arn("queue-00001")}})
        parallel(range(shape["functions"]), function, workers)

    # EventBridge, default bus: one rule in three without a target, the others scheduled with one target: an SQS
    # queue (every other one with a dead-letter queue), or for every fifth rule a Lambda function, when there are.
    events = client("events")

    def rule(i):
        name = "bench-rule-%04d" % i
        events.put_rule(Name=name, ScheduleExpression="rate(1 hour)")
        if i % 3:
            if i % 5 == 0 and shape.get("functions", 0):
                target = {"Id": "function", "Arn": function_arn(i % shape["functions"])}
            else:
                target = {"Id": "queue", "Arn": queue_arn("queue-00000")}
            if i % 2:
                target["DeadLetterConfig"] = {"Arn": queue_arn("queue-00001")}
            events.put_targets(Rule=name, Targets=[target])
    parallel(range(shape["rules"]), rule, workers)

    # SNS: the topic the alarms name ("ops"), with one (moto: auto-confirmed) email subscription.
    sns = client("sns")
    ops = sns.create_topic(Name="ops")["TopicArn"]
    sns.subscribe(TopicArn=ops, Protocol="email", Endpoint="oncall@example.com")
    # AWS Backup plans (moto keeps plans and rules; selections it cannot store, the proxy answers none).
    backup = client("backup")
    parallel(range(shape["backup_plans"]), lambda i: backup.create_backup_plan(BackupPlan={
        "BackupPlanName": "bench-plan-%04d" % i, "Rules": [{
            "RuleName": "daily", "TargetBackupVaultName": "Default", "ScheduleExpression": "cron(0 5 ? * * *)",
            "Lifecycle": {"DeleteAfterDays": 35 if i % 2 else 3}}]}), workers)
    dynamodb = client("dynamodb")

    def table(i):
        name = "bench-table-%04d" % i
        dynamodb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                              AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                              KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                              DeletionProtectionEnabled=(i % 2 == 0))
        if i % 3:
            dynamodb.update_continuous_backups(TableName=name, PointInTimeRecoverySpecification={
                "PointInTimeRecoveryEnabled": True})
    parallel(range(shape.get("tables", 0)), table, workers)

    # What the account holds now, read back (not assumed): the minimal-calls model is computed from these.
    counts["log_groups"] = sum(len(p["logGroups"]) for p in logs.get_paginator("describe_log_groups").paginate())
    counts["db_instances"] = sum(len(p["DBInstances"]) for p in rds.get_paginator("describe_db_instances").paginate())
    counts["db_clusters"] = sum(len(p["DBClusters"]) for p in rds.get_paginator("describe_db_clusters").paginate())
    counts["replication_groups"] = sum(len(p["ReplicationGroups"]) for p in
                                       cache.get_paginator("describe_replication_groups").paginate())
    counts["cache_clusters"] = sum(len(p["CacheClusters"]) for p in
                                   cache.get_paginator("describe_cache_clusters").paginate())
    counts["secrets"] = sum(len(p["SecretList"]) for p in secrets.get_paginator("list_secrets").paginate())
    alarm_pages = list(cloudwatch.get_paginator("describe_alarms").paginate(
        AlarmTypes=["MetricAlarm", "CompositeAlarm"]))
    counts["alarms"] = sum(len(p["MetricAlarms"]) + len(p.get("CompositeAlarms", [])) for p in alarm_pages)
    cluster_arns = [a for p in ecs.get_paginator("list_clusters").paginate() for a in p["clusterArns"]]
    counts["ecs_clusters"] = len(cluster_arns)
    counts["ecs_services_per_cluster"] = [
        sum(len(p["serviceArns"]) for p in ecs.get_paginator("list_services").paginate(cluster=arn))
        for arn in cluster_arns]
    counts["ecs_scalable_targets"] = sum(len(p["ScalableTargets"]) for p in scaling.get_paginator(
        "describe_scalable_targets").paginate(ServiceNamespace="ecs"))
    counts["ecs_scaling_policies"] = sum(len(p["ScalingPolicies"]) for p in scaling.get_paginator(
        "describe_scaling_policies").paginate(ServiceNamespace="ecs"))
    lbs = [lb for p in elbv2.get_paginator("describe_load_balancers").paginate() for lb in p["LoadBalancers"]]
    counts["load_balancers"] = len(lbs)
    counts["listeners_per_load_balancer"] = [
        len(elbv2.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]) for lb in lbs]
    groups = [g for p in elbv2.get_paginator("describe_target_groups").paginate() for g in p["TargetGroups"]]
    counts["target_groups"] = len(groups)
    counts["target_groups_attached"] = sum(1 for g in groups if g.get("LoadBalancerArns"))
    counts["email_identities"] = len(client("sesv2").list_email_identities().get("EmailIdentities", []))
    # The network the seed does not create: moto's default VPC of each region (its subnets, main route table and
    # default security group), read back like the rest.
    counts["security_groups"] = sum(len(p["SecurityGroups"]) for p in
                                    ec2.get_paginator("describe_security_groups").paginate())
    counts["network_interfaces"] = sum(len(p["NetworkInterfaces"]) for p in
                                       ec2.get_paginator("describe_network_interfaces").paginate())
    counts["subnets"] = sum(len(p["Subnets"]) for p in ec2.get_paginator("describe_subnets").paginate())
    counts["route_tables"] = sum(len(p["RouteTables"]) for p in ec2.get_paginator("describe_route_tables").paginate())
    counts["cache_subnet_groups"] = sum(len(p["CacheSubnetGroups"]) for p in
                                        cache.get_paginator("describe_cache_subnet_groups").paginate())
    counts["queues"] = sum(len(p.get("QueueUrls", [])) for p in
                           sqs.get_paginator("list_queues").paginate(PaginationConfig={"PageSize": 1000}))
    buses, token = [], None
    while True:
        page = events.list_event_buses(**({"NextToken": token} if token else {}))
        buses += [b["Name"] for b in page["EventBuses"]]
        token = page.get("NextToken")
        if not token:
            break
    rules_by_bus = {bus: [r for p in events.get_paginator("list_rules").paginate(EventBusName=bus)
                          for r in p["Rules"]] for bus in buses}
    counts["rules_per_bus"] = [len(rules) for rules in rules_by_bus.values()]
    counts["targets_per_rule"] = [
        sum(len(p["Targets"]) for p in events.get_paginator("list_targets_by_rule").paginate(
            Rule=r["Name"], EventBusName=bus)) for bus, rules in rules_by_bus.items() for r in rules]
    topics = {t["TopicArn"] for p in sns.get_paginator("list_topics").paginate() for t in p["Topics"]}
    counts["topics"] = len(topics)
    alarm_topics = sorted({a for p in alarm_pages for alarm in p["MetricAlarms"] + p.get("CompositeAlarms", [])
                           for a in alarm.get("AlarmActions", []) if a in topics})
    subscriptions = [[s for p in sns.get_paginator("list_subscriptions_by_topic").paginate(TopicArn=t)
                      for s in p["Subscriptions"]] for t in alarm_topics]
    counts["alarm_topic_subscriptions"] = [len(subs) for subs in subscriptions]
    counts["alarm_topic_confirmed_subscriptions"] = sum(1 for subs in subscriptions for s in subs
                                                        if s["SubscriptionArn"].startswith("arn:"))
    counts["ecr_repositories"] = sum(len(p["repositories"]) for p in ecr.get_paginator("describe_repositories").paginate())
    # Distinct images of this account's ECR that ACTIVE services run: the one "bench" image, if any service runs it.
    counts["ecr_images_in_use"] = 1 if repositories and any(counts["ecs_services_per_cluster"]) else 0
    # The audit describes the ISSUED or EXPIRED certificates the listing says are in use (moto leaves requested ones
    # PENDING_VALIDATION, so usually none).
    certificates = [c for p in acm.get_paginator("list_certificates").paginate(Includes={"keyTypes": [
        "RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"]})
        for c in p["CertificateSummaryList"]]
    counts["certificates"] = len(certificates)
    counts["certificates_described"] = sum(1 for c in certificates if c.get("Status") in ("ISSUED", "EXPIRED")
                                           and c.get("InUse", True))
    counts["backup_plans"] = sum(len(p["BackupPlansList"]) for p in
                                 backup.get_paginator("list_backup_plans").paginate())
    counts["backup_selections"] = 0  # moto cannot store selections: the proxy answers an empty list per plan
    counts["tables"] = sum(len(p["TableNames"]) for p in dynamodb.get_paginator("list_tables").paginate())
    function_names = {f["FunctionName"] for p in lam.get_paginator("list_functions").paginate() for f in p["Functions"]}
    counts["functions"] = len(function_names)
    # The functions EventBridge targets name (read back): the audit reads their event invoke configs only.
    counts["functions_called"] = len({t["Arn"].split(":")[6] for bus, rules in rules_by_bus.items() for r in rules
                                      for p in events.get_paginator("list_targets_by_rule").paginate(
                                          Rule=r["Name"], EventBusName=bus) for t in p["Targets"]
                                      if t["Arn"].startswith("arn:aws:lambda:")} & function_names)
    # First resources, for the runbook's commands that take one
    counts["first"] = {
        "ecs_cluster": cluster_arns[0] if cluster_arns else None,
        "ecs_service": (ecs.list_services(cluster=cluster_arns[0])["serviceArns"] or [None])[0]
        if cluster_arns else None,
        "load_balancer": lbs[0]["LoadBalancerArn"] if lbs else None,
        "target_group": groups[0]["TargetGroupArn"] if groups else None,
        "db_instance": "db-0000" if counts["db_instances"] else None,
        "queue": sqs.list_queues(MaxResults=1).get("QueueUrls", [None])[0] if counts["queues"] else None,
        "rule": rules_by_bus["default"][0]["Name"] if rules_by_bus.get("default") else None,
        "alarm_topic": alarm_topics[0] if alarm_topics else None,
        "ecr_repository": repositories[0] if repositories else None,
        "table": "bench-table-0000" if counts["tables"] else None,
    }
    return counts


def seed_global(port, shape, workers, member=None):
    iam = clients(port, "us-east-1", member)("iam")

    def user(i):
        name = "bench-user-%04d" % i
        iam.create_user(UserName=name)
        iam.create_access_key(UserName=name)
        if i % 2 == 0:
            iam.create_login_profile(UserName=name, Password="Bench-password-1")
    parallel(range(shape["iam_users"]), user, workers)
    users = [u for p in iam.get_paginator("list_users").paginate() for u in p["Users"]]
    keys = [k for u in users for k in iam.list_access_keys(UserName=u["UserName"])["AccessKeyMetadata"]]

    cloudfront = clients(port, "us-east-1", member)("cloudfront")

    def distribution(i):
        cloudfront.create_distribution(DistributionConfig={
            "CallerReference": "bench-%04d" % i, "Comment": "bench", "Enabled": True,
            "Origins": {"Quantity": 1, "Items": [{"Id": "web", "DomainName": "origin-%04d.example.com" % i,
                                                  "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443,
                                                                         "OriginProtocolPolicy": "https-only"}}]},
            "DefaultCacheBehavior": {"TargetOriginId": "web", "ViewerProtocolPolicy": "redirect-to-https",
                                     "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
                                     "TrustedSigners": {"Enabled": False, "Quantity": 0}, "MinTTL": 0}})
    parallel(range(shape["distributions"]), distribution, workers)
    distributions = [d["Id"] for p in cloudfront.get_paginator("list_distributions").paginate()
                     for d in p["DistributionList"].get("Items", [])]
    # Route 53: health checks, and zones each with a primary/secondary failover pair on one of them.
    route53 = clients(port, "us-east-1", member)("route53")
    checks = parallel(range(shape["health_checks"]), lambda i: route53.create_health_check(
        CallerReference="bench-hc-%04d" % i, HealthCheckConfig={
            "Type": "HTTPS", "FullyQualifiedDomainName": "web-%04d.bench.example" % i, "Port": 443,
            "ResourcePath": "/health"})["HealthCheck"]["Id"], workers)

    def zone(i):
        zone_id = route53.create_hosted_zone(Name="zone-%04d.bench.example" % i,
                                             CallerReference="bench-zone-%04d" % i)["HostedZone"]["Id"]
        name = "api.zone-%04d.bench.example" % i
        changes = [{"Action": "CREATE", "ResourceRecordSet": dict(
            {"Name": name, "Type": "A", "TTL": 60, "SetIdentifier": role, "Failover": role,
             "ResourceRecords": [{"Value": "192.0.2.%d" % (1 + n)}]},
            **({"HealthCheckId": checks[i % len(checks)]} if role == "PRIMARY" and checks else {}))}
            for n, role in enumerate(["PRIMARY", "SECONDARY"])]
        route53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": changes})
    parallel(range(shape["hosted_zones"]), zone, workers)
    zones = [z for p in route53.get_paginator("list_hosted_zones").paginate() for z in p["HostedZones"]]
    records_per_zone = [sum(len(p["ResourceRecordSets"]) for p in route53.get_paginator(
        "list_resource_record_sets").paginate(HostedZoneId=z["Id"])) for z in zones]
    health_checks = sum(len(p["HealthChecks"]) for p in route53.get_paginator("list_health_checks").paginate())
    # Buckets spread over the regions, some versioned, some with lifecycle rules or their own Block Public Access;
    # no account-level Block Public Access (so the audit reads each bucket's own).
    regions = [r for r in shape["regions"].split(",") if r]

    def bucket(i):
        region = regions[i % len(regions)]
        s3 = clients(port, region, member)("s3")
        # S3 bucket names are global, in moto as in AWS: a member account's carry its id
        name = ("bench-%s-%05d" % (member["id"], i)) if member else "bench-bucket-%05d" % i
        s3.create_bucket(Bucket=name, **({} if region == "us-east-1" else {
            "CreateBucketConfiguration": {"LocationConstraint": region}}))
        if i % 2 == 0:
            s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
        if i % 3 == 0:
            s3.put_bucket_lifecycle_configuration(Bucket=name, LifecycleConfiguration={"Rules": [
                {"ID": "tidy", "Status": "Enabled", "Filter": {"Prefix": ""},
                 "NoncurrentVersionExpiration": {"NoncurrentDays": 30},
                 "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7}}]})
        if i % 4 == 0:
            s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration={
                "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True,
                "RestrictPublicBuckets": True})
    parallel(range(shape.get("buckets", 0)), bucket, workers)
    s3 = clients(port, "us-east-1", member)("s3")
    buckets = s3.list_buckets()["Buckets"]
    return {"iam_users": len(users), "access_keys": len(keys), "distributions": len(distributions),
            "hosted_zones": len(zones), "records_per_zone": records_per_zone, "health_checks": health_checks,
            "buckets": len(buckets), "account_public_access_block_all_on": False,
            "first": {"user": users[0]["UserName"] if users else None,
                      "access_key": keys[0]["AccessKeyId"] if keys else None,
                      "distribution": distributions[0] if distributions else None,
                      "hosted_zone": zones[0]["Id"] if zones else None,
                      "bucket": buckets[0]["Name"] if buckets else None}}


def seed(args, state_dir):
    shape = dict(SIZES[args.size])
    for flag in SIZE_FLAGS + ["regions"]:
        value = getattr(args, flag)
        if value is not None:
            shape[flag] = value
    regions = [r for r in shape["regions"].split(",") if r]
    os.makedirs(state_dir, exist_ok=True)
    pid, port = start_moto(state_dir)
    state = {"moto": {"pid": pid, "port": port}, "size": args.size, "shape": shape, "regions": regions}
    write_json(os.path.join(state_dir, "state.json"), state)
    started = time.time()
    try:
        if args.accounts:
            seed_organization(args, port, shape, regions, state, started)
        else:
            log("bench: seeding a %s account (%s) into moto on port %d ..." % (args.size, describe_shape(shape), port))
            state["counts"] = {}
            for region in regions:
                state["counts"][region] = seed_region(port, region, shape, args.seed_workers)
                log("bench:   %s seeded (%.0f s)" % (region, time.time() - started))
            state["counts"]["global"] = seed_global(port, shape, args.seed_workers)
    except BaseException:
        stop_pid(pid)
        raise
    state["seedSeconds"] = round(time.time() - started, 1)
    write_json(os.path.join(state_dir, "state.json"), state)
    log("bench: seeded in %.0f s; moto (pid %d) keeps the account: bench/run measure --state %s"
        % (state["seedSeconds"], pid, state_dir))
    return state


# The role the audit assumes in each member account: the one Organizations creates in the accounts it creates.
MEMBER_ROLE = "OrganizationAccountAccessRole"


def member_of(port, account_id):
    """The assumed-role credentials of a member account: what is created with them lands in that account (moto)."""
    sts = clients(port, "us-east-1")("sts")
    answer = sts.assume_role(RoleArn="arn:aws:iam::%s:role/%s" % (account_id, MEMBER_ROLE),
                             RoleSessionName="bench-seed")["Credentials"]
    return {"id": account_id, "credentials": {"aws_access_key_id": answer["AccessKeyId"],
                                              "aws_secret_access_key": answer["SecretAccessKey"],
                                              "aws_session_token": answer["SessionToken"]}}


def seed_organization(args, port, shape, regions, state, started):
    """An organization managed by the base account (123456789012) with args.accounts member accounts, each seeded
    with the same shape under its own assumed-role credentials. state gets the member ids (accountIds) and, as
    counts, those of one member (they all have the shape's counts: the model is one account's)."""
    organizations = clients(port, "us-east-1")("organizations")
    organizations.create_organization(FeatureSet="ALL")
    ids = []
    for i in range(args.accounts):
        created = organizations.create_account(Email="bench-%04d@example.com" % i, AccountName="bench-%04d" % i)
        ids.append(created["CreateAccountStatus"]["AccountId"])
    log("bench: an organization of %d member accounts, each seeded as a %s account (%s), into moto on port %d ..."
        % (len(ids), args.size, describe_shape(shape), port))
    state["accountIds"] = ids
    for n, account_id in enumerate(ids, 1):
        member = member_of(port, account_id)
        counts = {region: seed_region(port, region, shape, args.seed_workers, member) for region in regions}
        counts["global"] = seed_global(port, shape, args.seed_workers, member)
        state.setdefault("counts", counts)
        log("bench:   account %s seeded (%d of %d, %.0f s)" % (account_id, n, len(ids), time.time() - started))
    return ids


def describe_shape(shape):
    return ("%(regions)s; per region %(log_groups)d log groups, %(load_balancers)d ALBs, %(db_instances)d RDS, "
            "%(replication_groups)d ElastiCache groups, %(secrets)d secrets, %(ecs_clusters)d ECS clusters / "
            "%(ecs_services)d services, %(alarms)d alarms, %(queues)d SQS queues, %(rules)d EventBridge rules, "
            "%(ecr_repositories)d ECR repositories, %(certificates)d ACM certificates, %(backup_plans)d backup plans, "
            "%(tables)d DynamoDB tables, %(security_groups)d security groups, %(functions)d Lambda functions; "
            "%(iam_users)d IAM users, %(buckets)d S3 buckets, "
            "%(distributions)d CloudFront distributions, %(hosted_zones)d hosted zones, %(health_checks)d health checks"
            % dict(dict(ecr_repositories=0, queues=0, rules=0, distributions=0, certificates=0, hosted_zones=0,
                        health_checks=0, backup_plans=0, tables=0, buckets=0, security_groups=0,
                        functions=0), **shape))


def write_json(path, value):
    with open(path + ".tmp", "w") as f:
        json.dump(value, f, indent=2)
    os.replace(path + ".tmp", path)


# ---------------------------------------------------------------------------------------------------------------
# the minimal-calls model
#
# One row per API the audit calls: how many calls an account of this shape needs at the least (list APIs: pages at
# the API's maximum page size, never fewer than one; batch describes: full batches; per-resource APIs: one per
# resource), and how deep it sits in its chain of dependent calls. It mirrors the collectors under
# src/main/java/com/huntaze/audit/services/*/ (page sizes are the APIs' documented maximums, not read from the code).

def pages(n, size):
    return max(1, math.ceil(n / size))


def batches(n, size):
    return math.ceil(n / size)


# Metric queries per resource of the audit's GetMetricData specs (one per spec and resource); 500 per request.
METRIC_QUERIES = [
    ("db_instances", 1),  # rds.database-connections.max (rds.idle-instance), per DB instance
]


def model(state):
    """Returns (calls by action, critical path in calls, chains) for the seeded account."""
    calls = {}
    chains = {}

    def add(action, n):
        calls[action] = calls.get(action, 0) + n

    def chain(name, length):
        chains[name] = max(chains.get(name, 0), length)

    for region in state["regions"]:
        c = state["counts"][region]
        add("rds:DescribeDBInstances", pages(c["db_instances"], 100))
        add("rds:DescribeDBClusters", pages(c["db_clusters"], 100))
        chain("rds", pages(c["db_instances"], 100))
        # Unfiltered, pages of 100: the proxy answers (moto lacks both) with CANNED_MAJOR_VERSIONS rows, no actions.
        add("rds:DescribeDBMajorEngineVersions", pages(len(CANNED_MAJOR_VERSIONS), 100))
        add("rds:DescribePendingMaintenanceActions", 1)
        queries = sum(c[ds] * per for ds, per in METRIC_QUERIES)
        add("cloudwatch:GetMetricData", batches(queries, 500))
        chain("rds -> GetMetricData", pages(c["db_instances"], 100) + (1 if queries else 0))

        services = c["ecs_services_per_cluster"]
        add("ecs:ListClusters", pages(c["ecs_clusters"], 100))
        add("ecs:DescribeClusters", batches(c["ecs_clusters"], 100))
        add("ecs:ListServices", sum(pages(n, 100) for n in services))
        add("ecs:DescribeServices", sum(batches(n, 10) for n in services))
        # One DescribeTaskDefinition per distinct task definition revision: the seed gives every service "bench".
        add("ecs:DescribeTaskDefinition", 1 if any(services) else 0)
        ecs_chain = (pages(c["ecs_clusters"], 100) + (max(pages(n, 100) for n in services) if services else 0)
                     + (2 if any(services) else 0))
        chain("ecs: ListClusters -> ListServices -> DescribeServices -> DescribeTaskDefinition", ecs_chain)

        # ECR: one scanning configuration, the repositories (pages of 1000), one scan look-up per distinct image in use.
        images = c.get("ecr_images_in_use", 0)
        add("ecr:GetRegistryScanningConfiguration", 1)
        add("ecr:DescribeRepositories", pages(c.get("ecr_repositories", 0), 1000))
        add("ecr:DescribeImageScanFindings", images)
        chain("ecr repositories", pages(c.get("ecr_repositories", 0), 1000))
        chain("ecs ... DescribeTaskDefinition -> ecr:DescribeImageScanFindings", ecs_chain + (1 if images else 0))

        # Application Auto Scaling, namespace ecs: one walk each, independent of the ECS chain.
        add("application-autoscaling:DescribeScalableTargets", pages(c["ecs_scalable_targets"], 50))
        add("application-autoscaling:DescribeScalingPolicies", pages(c["ecs_scaling_policies"], 10))
        chain("application-autoscaling", max(pages(c["ecs_scalable_targets"], 50),
                                             pages(c["ecs_scaling_policies"], 10)))

        add("ses:GetAccount", 1)
        add("ses:ListEmailIdentities", pages(c["email_identities"], 1000))
        add("ses:GetEmailIdentity", c["email_identities"])
        chain("ses identities", pages(c["email_identities"], 1000) + (1 if c["email_identities"] else 0))

        add("elasticache:DescribeReplicationGroups", pages(c["replication_groups"], 100))
        add("elasticache:DescribeCacheClusters", pages(c["cache_clusters"], 100))
        # (.get: a state seeded before these counts were read back; its walks are one page each)
        add("elasticache:DescribeCacheSubnetGroups", pages(c.get("cache_subnet_groups", 0), 100))
        chain("elasticache", max(pages(c["replication_groups"], 100), pages(c["cache_clusters"], 100),
                                 pages(c.get("cache_subnet_groups", 0), 100)))

        # ec2 and vpc: one walk each of security groups, network interfaces, subnets and route tables
        add("ec2:DescribeSecurityGroups", pages(c.get("security_groups", 0), 1000))
        add("ec2:DescribeNetworkInterfaces", pages(c.get("network_interfaces", 0), 1000))
        add("ec2:DescribeSubnets", pages(c.get("subnets", 0), 1000))
        add("ec2:DescribeRouteTables", pages(c.get("route_tables", 0), 100))
        chain("ec2/vpc", max(pages(c.get("security_groups", 0), 1000), pages(c.get("network_interfaces", 0), 1000),
                             pages(c.get("subnets", 0), 1000), pages(c.get("route_tables", 0), 100)))

        listeners = c["listeners_per_load_balancer"]
        add("elasticloadbalancing:DescribeLoadBalancers", pages(c["load_balancers"], 400))
        add("elasticloadbalancing:DescribeListeners", sum(pages(n, 400) for n in listeners))
        add("elasticloadbalancing:DescribeTargetGroups", pages(c["target_groups"], 400))
        add("elasticloadbalancing:DescribeTargetHealth", c["target_groups_attached"])
        chain("elbv2: DescribeLoadBalancers -> DescribeListeners",
              pages(c["load_balancers"], 400) + (max(pages(n, 400) for n in listeners) if listeners else 0))
        chain("elbv2: DescribeTargetGroups -> DescribeTargetHealth",
              pages(c["target_groups"], 400) + (1 if c["target_groups_attached"] else 0))

        add("secretsmanager:ListSecrets", pages(c["secrets"], 100))
        chain("secretsmanager", pages(c["secrets"], 100))
        add("cloudwatch:DescribeAlarms", pages(c["alarms"], 100))
        chain("cloudwatch alarms", pages(c["alarms"], 100))
        add("logs:DescribeLogGroups", pages(c["log_groups"], 50))
        # EFS: the seed creates no file system: one page per region (backup.plan-coverage reads them).
        add("elasticfilesystem:DescribeFileSystems", 1)
        chain("logs", pages(c["log_groups"], 50))

        # SQS: one GetQueueAttributes per queue (only the attributes the checks read).
        add("sqs:ListQueues", pages(c["queues"], 1000))
        add("sqs:GetQueueAttributes", c["queues"])
        chain("sqs: ListQueues -> GetQueueAttributes", pages(c["queues"], 1000) + (1 if c["queues"] else 0))

        # EventBridge: ListRules per bus, ListTargetsByRule per rule (100 per page each).
        rules_per_bus, targets_per_rule = c["rules_per_bus"], c["targets_per_rule"]
        add("events:ListEventBuses", pages(len(rules_per_bus), 100))
        add("events:ListRules", sum(pages(n, 100) for n in rules_per_bus))
        add("events:ListTargetsByRule", sum(pages(n, 100) for n in targets_per_rule))
        chain("events: ListEventBuses -> ListRules -> ListTargetsByRule",
              pages(len(rules_per_bus), 100) + max([pages(n, 100) for n in rules_per_bus] or [1])
              + max([pages(n, 100) for n in targets_per_rule] or [0]))

        # SNS: ListTopics; for each existing topic alarms name, ListSubscriptionsByTopic (100 per page, fixed) after
        # DescribeAlarms and ListTopics, then GetSubscriptionAttributes per confirmed subscription.
        subscriptions = c["alarm_topic_subscriptions"]
        add("sns:ListTopics", pages(c["topics"], 100))
        add("sns:ListSubscriptionsByTopic", sum(pages(n, 100) for n in subscriptions))
        add("sns:GetSubscriptionAttributes", c["alarm_topic_confirmed_subscriptions"])
        chain("sns: (DescribeAlarms, ListTopics) -> ListSubscriptionsByTopic -> GetSubscriptionAttributes",
              max(pages(c["alarms"], 100), pages(c["topics"], 100))
              + max([pages(n, 100) for n in subscriptions] or [0])
              + (1 if c["alarm_topic_confirmed_subscriptions"] else 0))

        # moto has no Amplify: the proxy answers ListApps with no app (CANNED), so no ListBranches either.
        apps = c.get("amplify_apps", 0)
        add("amplify:ListApps", pages(apps, 100))
        add("amplify:ListBranches", apps)  # one page per app (50 branches per page)
        chain("amplify: ListApps -> ListBranches", pages(apps, 100) + (1 if apps else 0))

        # ACM: every status and key type, 1000 per page; DescribeCertificate per ISSUED/EXPIRED one in use.
        add("acm:ListCertificates", pages(c.get("certificates", 0), 1000))
        add("acm:DescribeCertificate", c.get("certificates_described", 0))
        chain("acm: ListCertificates -> DescribeCertificate", pages(c.get("certificates", 0), 1000)
              + (1 if c.get("certificates_described") else 0))
        # AWS Backup: plans, then each plan's rules and its selections at once, then each selection; the protected
        # resources and the restore jobs completed within attestationMaxAgeDays (1000 per page).
        plans, selections = c.get("backup_plans", 0), c.get("backup_selections", 0)
        add("backup:ListBackupPlans", pages(plans, 1000))
        add("backup:GetBackupPlan", plans)
        add("backup:ListBackupSelections", plans)
        add("backup:GetBackupSelection", selections)
        chain("backup: ListBackupPlans -> GetBackupPlan / ListBackupSelections -> GetBackupSelection",
              pages(plans, 1000) + (1 if plans else 0) + (1 if selections else 0))
        add("backup:ListProtectedResources", 1)
        add("backup:ListRestoreJobs", 1)
        # Failover evidence: one DescribeEvents walk per service (RDS: category failover; none in a seeded account).
        add("rds:DescribeEvents", 1)
        add("elasticache:DescribeEvents", 1)
        # ListTables, then DescribeTable and DescribeContinuousBackups per table, side by side.
        tables = c.get("tables", 0)
        add("dynamodb:ListTables", pages(tables, 100))
        add("dynamodb:DescribeTable", tables)
        add("dynamodb:DescribeContinuousBackups", tables)
        chain("dynamodb: ListTables -> DescribeTable | DescribeContinuousBackups",
              pages(tables, 100) + (1 if tables else 0))
        # Lambda: ListFunctions (50 per page); ListFunctionEventInvokeConfigs (50 per page, one page each) per
        # function an EventBridge target or an alarm topic's lambda subscription names, after those walks (the seed's
        # alarm topic has an email subscription only, so the rules' targets are the callers).
        functions, called = c.get("functions", 0), c.get("functions_called", 0)
        add("lambda:ListFunctions", pages(functions, 50))
        add("lambda:ListFunctionEventInvokeConfigs", called)
        events_chain = (pages(len(rules_per_bus), 100) + max([pages(n, 100) for n in rules_per_bus] or [1])
                        + max([pages(n, 100) for n in targets_per_rule] or [0]))
        chain("lambda: ListFunctions | events ... ListTargetsByRule -> ListFunctionEventInvokeConfigs",
              max(pages(functions, 50), events_chain) + (1 if called else 0))

    g = state["counts"]["global"]
    add("iam:GetAccountSummary", 1)
    add("iam:ListUsers", pages(g["iam_users"], 1000))
    add("iam:GetLoginProfile", g["iam_users"])
    add("iam:ListMFADevices", g["iam_users"])
    add("iam:ListAccessKeys", g["iam_users"])
    add("iam:GetAccessKeyLastUsed", g["access_keys"])
    chain("iam: ListUsers -> ListAccessKeys -> GetAccessKeyLastUsed",
          pages(g["iam_users"], 1000) + (1 if g["iam_users"] else 0) + (1 if g["access_keys"] else 0))

    # CloudFront (global, once per audit): ListDistributions at 100 per page, then one GetDistribution each.
    distributions = g.get("distributions", 0)
    add("cloudfront:ListDistributions", pages(distributions, 100))
    add("cloudfront:GetDistribution", distributions)
    chain("cloudfront: ListDistributions -> GetDistribution", pages(distributions, 100) + (1 if distributions else 0))

    # Route 53 (global): ListHostedZones (100 a page), ListResourceRecordSets per zone (300 a page),
    # ListHealthChecks (1000 a page). The DNS look-ups of ses.email-dns are no AWS calls (and the seed has no
    # verified domain).
    zones = g.get("records_per_zone", [])
    add("route53:ListHostedZones", pages(g.get("hosted_zones", 0), 100))
    add("route53:ListResourceRecordSets", sum(pages(n, 300) for n in zones))
    add("route53:ListHealthChecks", pages(g.get("health_checks", 0), 1000))
    chain("route53: ListHostedZones -> ListResourceRecordSets", pages(g.get("hosted_zones", 0), 100)
          + (max(pages(n, 300) for n in zones) if zones else 0))
    # S3, account-wide: ListBuckets and GetBucketLocation per bucket (from us-east-1), S3 Control's account-level
    # Block Public Access once, then the per-bucket Gets in each bucket's region; a bucket's own Block Public Access is
    # not read when the account's is all on.
    buckets = g.get("buckets", 0)
    per_bucket_block = 0 if g.get("account_public_access_block_all_on") else buckets
    add("s3:ListAllMyBuckets", pages(buckets, 10000))
    add("s3:GetBucketLocation", buckets)
    add("s3:GetAccountPublicAccessBlock", 1)
    add("s3:GetBucketPublicAccessBlock", per_bucket_block)
    add("s3:GetBucketVersioning", buckets)
    add("s3:GetLifecycleConfiguration", buckets)
    located = pages(buckets, 10000) + (1 if buckets else 0)
    chain("s3: ListBuckets -> GetBucketLocation -> per-bucket Gets", located + (1 if buckets else 0))
    chain("s3: GetAccountPublicAccessBlock -> GetBucketPublicAccessBlock",
          max(1, located) + (1 if per_bucket_block else 0))

    # The audit's first call, before any other (it proves the credentials): every chain starts after it.
    add("sts:GetCallerIdentity", 1)
    critical = 1 + max(chains.values())
    return calls, critical, chains


# ---------------------------------------------------------------------------------------------------------------
# the latency proxy

# signing name (in the Authorization header's credential scope) -> IAM action prefix, where they differ
SIGNING_TO_IAM = {"monitoring": "cloudwatch", "email": "ses"}
REST_PATHS = [
    (re.compile(r"^GET /v2/email/account$"), "GetAccount"),
    (re.compile(r"^GET /v2/email/identities$"), "ListEmailIdentities"),
    (re.compile(r"^GET /v2/email/identities/[^/]+$"), "GetEmailIdentity"),
    (re.compile(r"^GET /apps$"), "ListApps"),
    (re.compile(r"^GET /apps/[^/]+/branches$"), "ListBranches"),
    (re.compile(r"^GET /2020-05-31/distribution$"), "ListDistributions"),
    (re.compile(r"^GET /2020-05-31/distribution/[^/]+$"), "GetDistribution"),
]
BACKUP_PATHS = [
    (re.compile(r"^GET /backup/plans/?$"), "ListBackupPlans"),
    (re.compile(r"^GET /backup/plans/[^/]+/?$"), "GetBackupPlan"),
    (re.compile(r"^GET /backup/plans/[^/]+/selections/?$"), "ListBackupSelections"),
    (re.compile(r"^GET /backup/plans/[^/]+/selections/[^/]+/?$"), "GetBackupSelection"),
    (re.compile(r"^GET /resources/?$"), "ListProtectedResources"),
    (re.compile(r"^GET /restore-jobs/?$"), "ListRestoreJobs"),
]


# What moto cannot answer (see aws-emulator-notes: SESv2 GetAccount is a 404, ListEmailIdentities with a page size a
# 500, Amplify does not exist), answered here as AWS would for an account in production with no identity and no
# Amplify app, so that an emulator gap costs neither retries nor a failed runbook command. Everything else is moto's
# answer.
CANNED = {
    "ses:GetAccount": (200, [("Content-Type", "application/json")], json.dumps({
        "ProductionAccessEnabled": True, "SendingEnabled": True, "EnforcementStatus": "HEALTHY",
        "DedicatedIpAutoWarmupEnabled": False,
        "SendQuota": {"Max24HourSend": 50000.0, "MaxSendRate": 14.0, "SentLast24Hours": 0.0}}).encode()),
    "ses:ListEmailIdentities": (200, [("Content-Type", "application/json")],
                                json.dumps({"EmailIdentities": []}).encode()),
    "amplify:ListApps": (200, [("Content-Type", "application/json")], json.dumps({"apps": []}).encode()),
    # AWS Backup selections (not implemented), protected resources and restore jobs (no route): none. ElastiCache
    # DescribeEvents (not implemented): none. RDS DescribeEvents: moto ignores the failover category and answers its
    # canned creation and backup events; AWS would answer the category only, and a seeded account has no failover.
    "backup:ListBackupSelections": (200, [("Content-Type", "application/json")],
                                    json.dumps({"BackupSelectionsList": []}).encode()),
    "backup:ListProtectedResources": (200, [("Content-Type", "application/json")],
                                      json.dumps({"Results": []}).encode()),
    "backup:ListRestoreJobs": (200, [("Content-Type", "application/json")], json.dumps({"RestoreJobs": []}).encode()),
    "elasticache:DescribeEvents": (200, [("Content-Type", "text/xml")], (
        b'<DescribeEventsResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/"><DescribeEventsResult>'
        b'<Events/></DescribeEventsResult><ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata>'
        b'</DescribeEventsResponse>')),
    "rds:DescribeEvents": (200, [("Content-Type", "text/xml")], (
        b'<DescribeEventsResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeEventsResult>'
        b'<Events/></DescribeEventsResult><ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata>'
        b'</DescribeEventsResponse>')),
}


# DescribeDBMajorEngineVersions and DescribePendingMaintenanceActions are not implemented by moto (HTML 500s): the
# proxy answers them as AWS would, with a few lifecycles and no pending action.
CANNED_MAJOR_VERSIONS = [("postgres", "16", "2029-02-28"), ("postgres", "17", "2030-02-28"), ("mysql", "8.4", "2029-07-31")]
RDS_XML = [("Content-Type", "text/xml")]
CANNED["rds:DescribeDBMajorEngineVersions"] = (200, RDS_XML, (
    '<DescribeDBMajorEngineVersionsResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">'
    "<DescribeDBMajorEngineVersionsResult><DBMajorEngineVersions>"
    + "".join("<DBMajorEngineVersion><Engine>%s</Engine><MajorEngineVersion>%s</MajorEngineVersion>"
              "<SupportedEngineLifecycles><SupportedEngineLifecycle>"
              "<LifecycleSupportName>open-source-rds-standard-support</LifecycleSupportName>"
              "<LifecycleSupportStartDate>2024-01-01T00:00:00Z</LifecycleSupportStartDate>"
              "<LifecycleSupportEndDate>%sT23:59:59Z</LifecycleSupportEndDate>"
              "</SupportedEngineLifecycle></SupportedEngineLifecycles></DBMajorEngineVersion>" % row
              for row in CANNED_MAJOR_VERSIONS)
    + "</DBMajorEngineVersions></DescribeDBMajorEngineVersionsResult>"
    "<ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata></DescribeDBMajorEngineVersionsResponse>").encode())
CANNED["rds:DescribePendingMaintenanceActions"] = (200, RDS_XML, (
    '<DescribePendingMaintenanceActionsResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">'
    "<DescribePendingMaintenanceActionsResult><PendingMaintenanceActions/></DescribePendingMaintenanceActionsResult>"
    "<ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata></DescribePendingMaintenanceActionsResponse>"
).encode())


def operation_of(method, path, headers, body):
    auth = headers.get("Authorization", "")
    m = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", auth)
    service = SIGNING_TO_IAM.get(m.group(1), m.group(1)) if m else "unknown"
    target = headers.get("X-Amz-Target")
    if target:
        return service + ":" + target.split(".")[-1]
    m = re.match(r"^/service/[^/]+/operation/([^/?]+)", path)
    if m:
        return service + ":" + m.group(1)
    query = urllib.parse.urlparse(path).query
    for source in (query, body.decode("utf-8", "replace") if body else ""):
        action = urllib.parse.parse_qs(source).get("Action")
        if action:
            return service + ":" + action[0]
    bare = urllib.parse.urlparse(path).path
    for pattern, name in REST_PATHS + BACKUP_PATHS:
        if pattern.match(method + " " + bare):
            return service + ":" + name
    return service + ":" + method + " " + bare


class Proxy:
    """A loopback HTTP proxy before moto: a thread per client connection, keep-alive, a fixed latency per call,
    calls counted by operation, answers cached by request (see the module doc)."""

    HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "te", "upgrade",
                  "content-length"}

    def __init__(self, upstream_port, latency_s, tracing=False):
        self.tracing = tracing
        self.upstream_port = upstream_port
        self.latency_s = latency_s
        self.lock = threading.Lock()
        self.cache = {}
        # Access key id -> account, learnt from the AssumeRole answers that pass through: a member account's
        # answers are cached apart from the base account's (moto tells them apart by the key, see member_of).
        self.key_accounts = {}
        self.reset()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def handle_one(self):
                length = self.headers.get("Content-Length")
                if length is not None:
                    body = self.rfile.read(int(length))
                elif self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    body = read_chunked(self.rfile)
                else:
                    body = b""
                status, headers, payload = proxy.answer(self.command, self.path, self.headers, body)
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                # Status line, headers and body in one write: written apart, Nagle's algorithm holds the body back
                # until the client's delayed ACK of the headers, 40 ms later (a second latency, on every call).
                self._headers_buffer.append(b"\r\n")
                self.wfile.write(b"".join(self._headers_buffer) + payload)
                self._headers_buffer = []

            def setup(self):
                super().setup()
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_one

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 512

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.local = threading.local()

    def reset(self):
        with self.lock:
            self.calls = {}
            self.in_flight = 0
            self.max_in_flight = 0
            self.first_at = None
            self.last_at = None
            self.upstream_calls = 0
            self.trace = [] if self.tracing else None

    def upstream(self):
        connection = getattr(self.local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=120)
            self.local.connection = connection
        return connection

    def fetch(self, method, path, headers, body):
        forwarded = {k: v for k, v in headers.items() if k.lower() not in self.HOP_BY_HOP}
        for attempt in range(2):
            connection = self.upstream()
            try:
                connection.request(method, path, body=body, headers=forwarded)
                response = connection.getresponse()
                payload = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    self.local.connection = None
                kept = [(k, v) for k, v in response.getheaders() if k.lower() not in self.HOP_BY_HOP]
                return response.status, kept, payload
            except (http.client.HTTPException, OSError):
                connection.close()
                self.local.connection = None
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def answer(self, method, path, headers, body):
        started = time.monotonic()
        operation = operation_of(method, path, headers, body)
        with self.lock:
            self.calls[operation] = self.calls.get(operation, 0) + 1
            if self.trace is not None:
                self.trace.append((started, operation))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            if self.first_at is None:
                self.first_at = started
        try:
            # The signature and its date differ on every call; what is asked does not.
            scope = re.search(r"Credential=([^/]+)/[^/]+/([^/]+/[^/]+)/", headers.get("Authorization", ""))
            account = self.key_accounts.get(scope.group(1), "base") if scope else "base"
            key = (account, method, path, headers.get("X-Amz-Target"), scope.group(2) if scope else None, body)
            # AssumeRole is never replayed: each answer's keys must be learnt (and each is new to moto too)
            cached = CANNED.get(operation) or (None if operation == "sts:AssumeRole" else self.cache.get(key))
            if cached is None:
                cached = self.fetch(method, path, headers, body)
                with self.lock:
                    self.upstream_calls += 1
                if operation == "sts:AssumeRole":
                    self.learn_key(cached[2])
                elif cached[0] < 500 and cached[0] != 429:
                    self.cache[key] = cached
            remaining = self.latency_s - (time.monotonic() - started)
            if remaining > 0:
                time.sleep(remaining)
            return cached
        finally:
            with self.lock:
                self.in_flight -= 1
                self.last_at = time.monotonic()

    def learn_key(self, payload):
        text = payload.decode("utf-8", "replace")
        key = re.search(r"<AccessKeyId>([^<]+)</AccessKeyId>", text)
        account = re.search(r"<Arn>arn:aws[a-z-]*:sts::([0-9]{12}):assumed-role/", text)
        if key and account:
            with self.lock:
                self.key_accounts[key.group(1)] = account.group(1)

    def snapshot(self):
        with self.lock:
            base = self.trace[0][0] if self.trace else 0
            trace = ["%7.3f %s" % (t - base, op) for t, op in self.trace] if self.trace is not None else None
            return {"calls": dict(sorted(self.calls.items())), "total": sum(self.calls.values()), "trace": trace,
                    "maxInFlight": self.max_in_flight, "upstreamCalls": self.upstream_calls,
                    "windowSeconds": (self.last_at - self.first_at) if self.first_at and self.last_at else 0.0}

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def read_chunked(stream):
    data = b""
    while True:
        size = int(stream.readline().split(b";")[0].strip(), 16)
        if size == 0:
            stream.readline()
            return data
        data += stream.read(size)
        stream.readline()


# ---------------------------------------------------------------------------------------------------------------
# runs

def run_measured(command, env, timeout, stdout_path=None, with_cpu=False):
    """Runs command; returns (exit code, wall seconds, peak RSS in MB of the process, stdout, stderr[, CPU seconds])."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    stdout_chunks, stderr_chunks = [], []
    readers = []
    if process.stdout:
        readers.append(threading.Thread(target=lambda: stdout_chunks.append(process.stdout.read()), daemon=True))
    readers.append(threading.Thread(target=lambda: stderr_chunks.append(process.stderr.read()), daemon=True))
    for r in readers:
        r.start()
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        # wait4 gives this child's own resource usage: ru_maxrss is its peak RSS (KB on Linux). The launcher execs
        # java, so the child is the JVM itself.
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    wall = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join()
    if stdout_path:
        out.close()
    stdout = b"".join(stdout_chunks)
    stderr = b"".join(stderr_chunks)
    if with_cpu:
        return process.returncode, wall, usage.ru_maxrss / 1024.0, stdout, stderr, usage.ru_utime + usage.ru_stime
    return process.returncode, wall, usage.ru_maxrss / 1024.0, stdout, stderr


def audit_command(args, state, proxy_port):
    command = [os.path.join(args.root, "bin", "huntaze-audit"), "check",
               "--endpoint-url", "http://127.0.0.1:%d" % proxy_port,
               "--region", ",".join(state["regions"]), "--format", "json"]
    if args.concurrency:
        command += ["--concurrency", str(args.concurrency)]
    if state.get("accountIds"):
        # The base (management) account is listed too: left out, it holds nothing seeded
        command += ["--organization", "--role-name", MEMBER_ROLE, "--exclude-accounts", ACCOUNT]
        if args.account_concurrency:
            command += ["--account-concurrency", str(args.account_concurrency)]
    return command + list(args.audit_arg or [])


def default_concurrency(root, option="--concurrency"):
    """The audit's default --concurrency (or --account-concurrency), from its help."""
    help_text = subprocess.run([os.path.join(root, "bin", "huntaze-audit"), "check", "--help"], capture_output=True,
                               text=True, timeout=60).stdout
    # the option's own description line (its name also appears in the usage lines at the top, before others')
    m = re.search(r"^\s+" + re.escape(option) + r"=N\s.*?default: (\d+)", help_text, re.S | re.M)
    if not m:
        raise SystemExit("bench: huntaze-audit check has no %s option (an older jar?)" % option)
    return int(m.group(1))


def organization_model(state, calls, critical):
    """The minimal calls of an organization's audit: the base account's identity and ListAccounts (pages of 20),
    then in each member account an AssumeRole and one account's calls. The critical path stays one account's (plus
    the identity, ListAccounts and AssumeRole before it): the accounts are audited side by side."""
    members = len(state["accountIds"])
    total = {action: n * members for action, n in calls.items()}
    total["sts:GetCallerIdentity"] = total.get("sts:GetCallerIdentity", 0) + 1
    total["organizations:ListAccounts"] = pages(members + 1, 20)
    total["sts:AssumeRole"] = members
    return total, critical + pages(members + 1, 20) + 2


def child_env(state_dir):
    env = dict(os.environ)
    env.update(DUMMY_ENV)
    # no profile of the user's, no metadata service: only the dummy keys
    env["AWS_CONFIG_FILE"] = os.path.join(state_dir, "no-aws-config")
    env["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(state_dir, "no-aws-credentials")
    env.pop("AWS_PROFILE", None)
    env.pop("AWS_DEFAULT_PROFILE", None)
    return env


def runbook(state, proxy_port):
    """The hand-made runbook: one read-only `aws` command per API and region, as an engineer types them (commands
    that take a resource take the first one)."""
    endpoint = ["--endpoint-url", "http://127.0.0.1:%d" % proxy_port, "--output", "json"]
    commands = [["aws", "sts", "get-caller-identity", "--region", state["regions"][0]] + endpoint]
    for region in state["regions"]:
        c = state["counts"][region]
        first = c["first"]
        r = ["--region", region] + endpoint
        commands += [
            ["aws", "rds", "describe-db-instances"] + r,
            ["aws", "rds", "describe-db-clusters"] + r,
            ["aws", "rds", "describe-db-major-engine-versions"] + r,
            ["aws", "rds", "describe-pending-maintenance-actions"] + r,
            ["aws", "ecr", "get-registry-scanning-configuration"] + r,
            ["aws", "ecr", "describe-repositories"] + r,
            ["aws", "ecs", "list-clusters"] + r,
        ]
        if first.get("ecr_repository"):
            commands.append(["aws", "ecr", "describe-image-scan-findings", "--repository-name",
                             first["ecr_repository"], "--image-id", "imageTag=1.0"] + r)
        if first["ecs_cluster"]:
            commands += [["aws", "ecs", "describe-clusters", "--clusters", first["ecs_cluster"]] + r,
                         ["aws", "ecs", "list-services", "--cluster", first["ecs_cluster"]] + r]
        if first["ecs_service"]:
            commands.append(["aws", "ecs", "describe-services", "--cluster", first["ecs_cluster"],
                             "--services", first["ecs_service"]] + r)
        commands += [
            ["aws", "sesv2", "get-account"] + r,
            ["aws", "sesv2", "list-email-identities"] + r,
            ["aws", "elasticache", "describe-replication-groups"] + r,
            ["aws", "elasticache", "describe-cache-clusters"] + r,
            ["aws", "elasticache", "describe-cache-subnet-groups"] + r,
            ["aws", "ec2", "describe-security-groups"] + r,
            ["aws", "ec2", "describe-network-interfaces"] + r,
            ["aws", "ec2", "describe-subnets"] + r,
            ["aws", "ec2", "describe-route-tables"] + r,
            ["aws", "elbv2", "describe-load-balancers"] + r,
        ]
        if first["load_balancer"]:
            commands.append(["aws", "elbv2", "describe-listeners", "--load-balancer-arn", first["load_balancer"]] + r)
        commands.append(["aws", "elbv2", "describe-target-groups"] + r)
        if first["target_group"]:
            commands.append(["aws", "elbv2", "describe-target-health", "--target-group-arn",
                             first["target_group"]] + r)
        commands += [["aws", "sqs", "list-queues"] + r, ["aws", "events", "list-event-buses"] + r,
                     ["aws", "events", "list-rules"] + r, ["aws", "sns", "list-topics"] + r]
        if first.get("queue"):
            commands.append(["aws", "sqs", "get-queue-attributes", "--queue-url", first["queue"], "--attribute-names",
                             "QueueArn", "RedrivePolicy", "ApproximateNumberOfMessages"] + r)
        if first.get("rule"):
            commands.append(["aws", "events", "list-targets-by-rule", "--rule", first["rule"]] + r)
        if first.get("alarm_topic"):
            commands.append(["aws", "sns", "list-subscriptions-by-topic", "--topic-arn", first["alarm_topic"]] + r)
        commands += [
            ["aws", "secretsmanager", "list-secrets"] + r,
            ["aws", "cloudwatch", "describe-alarms"] + r,
            ["aws", "logs", "describe-log-groups"] + r,
            ["aws", "amplify", "list-apps"] + r,
            ["aws", "acm", "list-certificates"] + r,
            ["aws", "backup", "list-backup-plans"] + r,
            ["aws", "backup", "list-protected-resources"] + r,
            ["aws", "backup", "list-restore-jobs", "--by-status", "COMPLETED"] + r,
            ["aws", "rds", "describe-events", "--event-categories", "failover", "--duration", "20160"] + r,
            ["aws", "elasticache", "describe-events", "--duration", "20160"] + r,
        ]
        commands.append(["aws", "dynamodb", "list-tables"] + r)
        if first.get("table"):
            commands += [["aws", "dynamodb", "describe-table", "--table-name", first["table"]] + r,
                         ["aws", "dynamodb", "describe-continuous-backups", "--table-name", first["table"]] + r]
        if first["db_instance"]:
            end = int(time.time()) // 3600 * 3600
            commands.append(["aws", "cloudwatch", "get-metric-data", "--start-time", str(end - 7 * 86400),
                             "--end-time", str(end), "--metric-data-queries", json.dumps([{
                                 "Id": "q0", "MetricStat": {"Metric": {
                                     "Namespace": "AWS/RDS", "MetricName": "DatabaseConnections",
                                     "Dimensions": [{"Name": "DBInstanceIdentifier", "Value": first["db_instance"]}]},
                                     "Period": 86400, "Stat": "Maximum"}}])] + r)
    g = state["counts"]["global"]["first"]
    r = ["--region", state["regions"][0]] + endpoint
    commands += [["aws", "iam", "get-account-summary"] + r, ["aws", "iam", "list-users"] + r]
    if g["user"]:
        commands += [["aws", "iam", "get-login-profile", "--user-name", g["user"]] + r,
                     ["aws", "iam", "list-mfa-devices", "--user-name", g["user"]] + r,
                     ["aws", "iam", "list-access-keys", "--user-name", g["user"]] + r]
    if g["access_key"]:
        commands.append(["aws", "iam", "get-access-key-last-used", "--access-key-id", g["access_key"]] + r)
    commands.append(["aws", "cloudfront", "list-distributions"] + r)
    if g.get("distribution"):
        commands.append(["aws", "cloudfront", "get-distribution", "--id", g["distribution"]] + r)
    commands += [["aws", "route53", "list-hosted-zones"] + r, ["aws", "route53", "list-health-checks"] + r]
    if g.get("hosted_zone"):
        commands.append(["aws", "route53", "list-resource-record-sets", "--hosted-zone-id", g["hosted_zone"]] + r)
    # S3 (aws s3control get-public-access-block is left out: the CLI puts the account id in front of the emulator's
    # host, which resolves nowhere; against AWS it is one more command)
    commands.append(["aws", "s3api", "list-buckets"] + r)
    if g.get("bucket"):
        commands += [["aws", "s3api", command, "--bucket", g["bucket"]] + r for command in (
            "get-bucket-location", "get-public-access-block", "get-bucket-versioning",
            "get-bucket-lifecycle-configuration")]
    return commands


def measure(args, state_dir, state):
    moto = state["moto"]
    if not pid_alive(moto["pid"]) or not wait_for_port(moto["port"], 2):
        raise SystemExit("bench: the moto of %s (pid %d, port %d) is not running: seed again (bench/run seed ...)"
                         % (state_dir, moto["pid"], moto["port"]))
    calls_model, critical, chains = model(state)
    members = state.get("accountIds")
    if members:
        calls_model, critical = organization_model(state, calls_model, critical)
        args.no_runbook = True  # the runbook is one account's
    minimal_total = sum(calls_model.values())
    latency = args.latency_ms / 1000.0
    proxy = Proxy(moto["port"], latency, tracing=args.trace)
    # The answers cached by an earlier measure of this state (the account has not changed since it was seeded)
    cache_file = os.path.join(state_dir, "answers.pickle")
    if os.path.exists(cache_file):
        with open(cache_file, "rb") as f:
            proxy.cache = pickle.load(f)
    env = child_env(state_dir)
    results = {"size": state["size"], "shape": state["shape"], "latencyMs": args.latency_ms,
               "concurrency": args.concurrency, "model": {"calls": calls_model, "total": minimal_total,
                                                          "criticalPath": critical, "chains": chains}}
    if members:
        results["accounts"] = len(members)
        results["accountConcurrency"] = args.account_concurrency
    try:
        if not args.no_audit:
            results["defaultConcurrency"] = default_concurrency(args.root)
            if members:
                results["defaultAccountConcurrency"] = default_concurrency(args.root, "--account-concurrency")
            command = audit_command(args, state, proxy.port)
            log("bench: %s" % " ".join(command))
            runs = []
            cold = not proxy.cache
            for i in range(0 if cold else 1, args.runs + 1):
                proxy.reset()
                proxy_cpu = time.process_time()
                code, wall, rss, stdout, stderr, cpu = run_measured(command, env, args.timeout, with_cpu=True)
                proxy_cpu = time.process_time() - proxy_cpu
                if code not in (0, 1):
                    raise SystemExit("bench: the audit exited %d:\n%s" % (code, stderr.decode(errors="replace")))
                report = json.loads(stdout)
                seen = proxy.snapshot()
                run = {"wallSeconds": round(wall, 3), "peakRssMb": round(rss, 1), "cpuSeconds": round(cpu, 2),
                       "proxyCpuSeconds": round(proxy_cpu, 2), "loadAverage": os.getloadavg()[0],
                       "durationMs": report["stats"]["durationMs"], "apiCalls": report["stats"]["apiCalls"],
                       "proxy": seen}
                label = "cold" if i == 0 else "run %d" % i
                log("bench:   %-8s wall %.2f s, AWS window %.2f s, %d calls, in flight max %d, peak RSS %.0f MB, "
                    "CPU %.1f s (proxy %.1f s), load %.1f"
                    % (label, wall, seen["windowSeconds"], seen["total"], seen["maxInFlight"], rss, cpu, proxy_cpu,
                       os.getloadavg()[0]))
                runs.append(run)
            if cold:
                results["coldRun"] = runs.pop(0)
            results["runs"] = runs
            # issue 17's start-up targets are the small account's (a large one measures the window and the RSS)
            if state["size"] == "small" and not state.get("accountIds"):
                results["startup"] = measure_startup(args, state, proxy, env)
            with open(cache_file + ".tmp", "wb") as f:
                pickle.dump(proxy.cache, f)
            os.replace(cache_file + ".tmp", cache_file)
        if not args.no_runbook:
            commands = runbook(state, proxy.port)
            log("bench: the runbook: %d aws commands, one after the other" % len(commands))
            proxy.reset()
            started = time.monotonic()
            failed = 0
            for command in commands:
                code, _, _, _, _ = run_measured(command, env, 120)
                failed += code != 0
            results["runbook"] = {"commands": len(commands), "failed": failed,
                                  "wallSeconds": round(time.monotonic() - started, 2), "proxy": proxy.snapshot()}
    finally:
        proxy.close()
    write_json(os.path.join(state_dir, "results.json"), results)
    print_results(results)
    return results


PEAK_RSS_TARGET_MB = 300  # issue 17: the large account's audit, JSON report included


def met(ok):
    return "\u2714" if ok else "\u2718"


def print_results(results):
    model_calls = results["model"]["calls"]
    latency = results["latencyMs"] / 1000.0
    print()
    print("huntaze-audit benchmark: %s account (%s), %d ms per call"
          % (results["size"], describe_shape(results["shape"]), results["latencyMs"]))
    if "runs" in results:
        runs = results["runs"]
        last = runs[-1]
        calls = last["apiCalls"]
        walls = [r["wallSeconds"] for r in runs]
        windows = [r["proxy"]["windowSeconds"] for r in runs]
        total = sum(calls.values())
        print()
        print("%-48s %8s %8s" % ("calls by operation", "audit", "minimal"))
        for action in sorted(set(calls) | set(model_calls)):
            print("  %-46s %8d %8d" % (action, calls.get(action, 0), model_calls.get(action, 0)))
        print("  %-46s %8d %8d   (ratio %.2f; target <= 1.10)"
              % ("total", total, results["model"]["total"], total / results["model"]["total"]))
        print("  (calls seen by the proxy, retries included: %d; most in flight at once: %d)"
              % (last["proxy"]["total"], last["proxy"]["maxInFlight"]))
        critical = results["model"]["criticalPath"]
        longest = max(results["model"]["chains"].items(), key=lambda kv: kv[1])
        print()
        print("critical path: %d dependent calls (sts:GetCallerIdentity, then %s: %d) = %.2f s at %d ms"
              % (critical, longest[0], longest[1], critical * latency, results["latencyMs"]))
        concurrency = results["concurrency"] or results["defaultConcurrency"]
        bound = 2 * max(critical * latency, total * latency / concurrency)
        print("wall time, median of %d runs:  %.2f s  (AWS calls window %.2f s; audit's own durationMs %d)"
              % (len(runs), statistics.median(walls), statistics.median(windows),
                 statistics.median(r["durationMs"] for r in runs)))
        if "accounts" in results:
            print_organization_targets(results, runs, critical, total, concurrency, latency)
        else:
            window = statistics.median(windows)
            print("parallelism target: AWS window <= 2 x max(critical path x latency, calls x latency / concurrency)"
                  " = %.2f s (concurrency %d%s): %.2f s %s" % (bound, concurrency, "" if results["concurrency"]
                                                              else ", the default", window, met(window <= bound)))
            peak_rss = max(r["peakRssMb"] for r in runs)
            print("peak RSS: %.0f MB (max of the measured runs); target < %d MB %s"
                  % (peak_rss, PEAK_RSS_TARGET_MB, met(peak_rss < PEAK_RSS_TARGET_MB)))
        print("CPU: audit %.1f s, proxy %.1f s (median); load average %.1f on %d cores"
              % (statistics.median(r["cpuSeconds"] for r in runs), statistics.median(r["proxyCpuSeconds"] for r in runs),
                 statistics.median(r["loadAverage"] for r in runs), os.cpu_count()))
        if "coldRun" in results:
            print("cold run (moto answering every distinct request once): wall %.2f s"
                  % results["coldRun"]["wallSeconds"])
    if "startup" in results:
        print_targets(results)
    if "runbook" in results:
        rb = results["runbook"]
        print()
        print("runbook: %d aws commands (%d calls%s), sequential: %.1f s"
              % (rb["commands"], rb["proxy"]["total"],
                 ", %d exited non-zero" % rb["failed"] if rb["failed"] else "", rb["wallSeconds"]))
        if "runs" in results:
            median = statistics.median(r["wallSeconds"] for r in results["runs"])
            print("runbook / audit wall time: %.1f x" % (rb["wallSeconds"] / median))
    print()


def organization_target(critical, total, latency, account_concurrency, concurrency):
    """Issue #15's bound on an organization's wall time: 2 x (one account's critical path + every call's latency
    spread over the calls in flight across accounts, account-concurrency x concurrency)."""
    return 2 * (critical * latency + total * latency / (account_concurrency * concurrency))


RSS_TARGET_MB = 1024


def print_organization_targets(results, runs, critical, total, concurrency, latency):
    accounts = results["accountConcurrency"] or results["defaultAccountConcurrency"]
    wall = statistics.median(r["wallSeconds"] for r in runs)
    bound = organization_target(critical, total, latency, accounts, concurrency)
    rss = max(r["peakRssMb"] for r in runs)
    print("organization: %d accounts x %d regions, account-concurrency %d x concurrency %d"
          % (results["accounts"], len(results["shape"]["regions"].split(",")), accounts, concurrency))
    print("  wall-time target: <= 2 x (critical path %d x %d ms + %d calls x %d ms / (%d x %d)) = %.2f s: %.2f s %s"
          % (critical, results["latencyMs"], total, results["latencyMs"], accounts, concurrency, bound, wall,
             mark(wall <= bound)))
    print("  peak RSS target: < %d MB: %.0f MB %s" % (RSS_TARGET_MB, rss, mark(rss < RSS_TARGET_MB)))


def mark(met):
    return "\u2714" if met else "\u2718"


# ---------------------------------------------------------------------------------------------------------------
# start-up targets (issue 17): each measured in the same run as the audit, medians of --runs interleaved runs

def measure_startup(args, state, proxy, env):
    """Wall times (medians) of --version, list-checks, check --demo and an audit of only the rds.* checks."""
    cli = os.path.join(args.root, "bin", "huntaze-audit")
    commands = {"version": [cli, "--version"], "list-checks": [cli, "list-checks"],
                "demo": [cli, "check", "--demo"],
                "rds-only": audit_command(args, state, proxy.port) + ["--checks", "rds.*"]}
    walls = {name: [] for name in commands}
    for _ in range(max(1, args.runs)):
        for name, command in commands.items():
            proxy.reset()
            code, wall, _, _, stderr = run_measured(command, env, 120)
            if code not in (0, 1):
                raise SystemExit("bench: %s exited %d:\n%s" % (" ".join(command), code, stderr.decode(errors="replace")))
            walls[name].append(wall)
    log("bench:   start-up: " + ", ".join("%s %.2f s" % (n, statistics.median(w)) for n, w in walls.items()))
    return {name: round(statistics.median(w), 3) for name, w in walls.items()}


def print_targets(results):
    """The start-up targets next to the measured figures, with a tick or a cross."""
    latency = results["latencyMs"] / 1000.0
    startup = results["startup"]
    version = startup["version"]
    audit = statistics.median(r["wallSeconds"] for r in results["runs"])
    chains = results["model"]["chains"]
    critical = results["model"]["criticalPath"] * latency
    # sts:GetCallerIdentity, then the longest chain of the RDS datasets (metrics included)
    rds_critical = (1 + max([n for name, n in chains.items() if name.startswith("rds")] or [0])) * latency
    if latency == 0:
        audit_target, audit_rule = 4 * version, "<= 4 x --version"
    else:
        audit_target, audit_rule = 2 * (version + critical), "<= 2 x (--version + critical path %.2f s)" % critical
    rows = [
        ("audit, every check", audit, audit_rule, audit_target),
        ("audit, only rds.*", startup["rds-only"], "<= 1.5 x --version + critical path %.2f s" % rds_critical,
         1.5 * version + rds_critical),
        ("check --demo", startup["demo"], "< 0.4 s", 0.4),
        ("list-checks", startup["list-checks"], "< 0.4 s", 0.4),
        ("--version", version, "< 0.2 s", 0.2),
    ]
    print()
    print("start-up targets (medians, wall; --version %.2f s in this run):" % version)
    for name, measured, rule, target in rows:
        print("  %-22s %6.2f s   %-46s = %5.2f s  %s" % (name, measured, rule, target,
                                                          "\u2714" if measured <= target else "\u2718"))


# ---------------------------------------------------------------------------------------------------------------

def parse(argv):
    steps = ("seed", "measure", "stop", "all")
    step = argv[0] if argv and argv[0] in steps else "all"
    rest = argv[1:] if argv and argv[0] in steps else argv
    p = argparse.ArgumentParser(prog="bench/run " + step if step != "all" else "bench/run",
                                description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--state", help="state directory (seed/measure/stop; `all` uses a temporary one unless given)")
    if step in ("seed", "all"):
        p.add_argument("--size", choices=sorted(SIZES), help="account preset (default: large; small with --accounts)")
        p.add_argument("--accounts", type=int, metavar="N",
                       help="an AWS Organization of N member accounts (1 to 100), each seeded with --size: the audit"
                            " runs check --organization --role-name %s (no runbook)" % MEMBER_ROLE)
        p.add_argument("--regions", help="comma-separated regions (default: us-east-1,eu-west-1)")
        for flag in SIZE_FLAGS:
            p.add_argument("--" + flag.replace("_", "-"), type=int, dest=flag,
                           help="override the preset's %s%s" % (flag.replace("_", " "),
                                                               "" if flag in GLOBAL_FLAGS else " per region"))
        p.add_argument("--seed-workers", type=int, default=16, help="threads seeding moto (default: 16)")
    if step in ("measure", "all"):
        p.add_argument("--latency-ms", type=int, default=40, help="latency added to every call (default: 40)")
        p.add_argument("--concurrency", type=int, help="pass --concurrency N to the audit (default: its own)")
        p.add_argument("--account-concurrency", type=int,
                       help="with --accounts: pass --account-concurrency N to the audit (default: its own)")
        p.add_argument("--runs", type=int, default=3, help="measured audit runs after the cold one (default: 3)")
        p.add_argument("--timeout", type=int, default=900, help="limit for one audit run in seconds (default: 900)")
        p.add_argument("--no-runbook", action="store_true", help="skip the aws CLI runbook")
        p.add_argument("--trace", action="store_true",
                       help="record each call's start time and operation in results.json (runs' proxy.trace)")
        p.add_argument("--no-audit", action="store_true", help="run only the runbook")
        p.add_argument("--audit-arg", action="append", help="an extra argument for huntaze-audit check (repeatable)")
    if step == "all":
        p.add_argument("--keep", action="store_true", help="keep moto and the state (prints how to stop it)")
    args = p.parse_args(rest)
    args.root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if step in ("seed", "all"):
        if args.accounts is not None and not 1 <= args.accounts <= 100:
            p.error("--accounts N: from 1 to 100, not %d" % args.accounts)
        args.size = args.size or ("small" if args.accounts else "large")
    if step in ("measure", "stop") and not args.state:
        p.error("--state DIR is required")
    if step == "seed" and not args.state:
        p.error("--state DIR is required (where moto's pid and the seeded counts are kept)")
    return step, args


def main(argv):
    step, args = parse(argv)
    # Ctrl-C and kill end the run through the finally blocks below (moto of `all` stopped, proxy closed).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if step == "seed":
        seed(args, os.path.abspath(args.state))
    elif step == "measure":
        state_dir = os.path.abspath(args.state)
        with open(os.path.join(state_dir, "state.json")) as f:
            measure(args, state_dir, json.load(f))
    elif step == "stop":
        state_dir = os.path.abspath(args.state)
        with open(os.path.join(state_dir, "state.json")) as f:
            pid = json.load(f)["moto"]["pid"]
        stop_pid(pid)
        log("bench: moto (pid %d) stopped" % pid)
    else:
        temporary = args.state is None
        state_dir = os.path.abspath(args.state) if args.state else tempfile.mkdtemp(prefix="huntaze-bench-")
        state = None
        try:
            state = seed(args, state_dir)
            measure(args, state_dir, state)
        finally:
            if state is not None and args.keep:
                log("bench: moto kept (pid %d): bench/run measure --state %s; bench/run stop --state %s"
                    % (state["moto"]["pid"], state_dir, state_dir))
            else:
                if os.path.exists(os.path.join(state_dir, "state.json")):
                    with open(os.path.join(state_dir, "state.json")) as f:
                        stop_pid(json.load(f)["moto"]["pid"])
                if temporary:
                    shutil.rmtree(state_dir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
