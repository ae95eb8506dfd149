#!/usr/bin/env python3
"""Checks of bench/run --accounts against moto itself (run by hand: python3 bench/test_accounts.py; it needs moto
and boto3, like bench/run): the organization's member accounts are seeded apart, each under its own assumed-role
credentials, and the latency proxy keeps their cached answers apart."""

import argparse
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


class OrganizationSeedTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.state_dir = tempfile.mkdtemp(prefix="huntaze-bench-test-")
        args = argparse.Namespace(size="small", accounts=2, regions=None, seed_workers=8,
                                  **{flag: None for flag in bench.SIZE_FLAGS})
        cls.state = bench.seed(args, cls.state_dir)
        cls.port = cls.state["moto"]["port"]

    @classmethod
    def tearDownClass(cls):
        bench.stop_pid(cls.state["moto"]["pid"])
        shutil.rmtree(cls.state_dir, ignore_errors=True)

    def test_the_organization_lists_every_member_account(self):
        listed = bench.clients(self.port, "us-east-1")("organizations").list_accounts()["Accounts"]
        ids = {a["Id"] for a in listed if a["Status"] == "ACTIVE"}
        self.assertEqual(len(self.state["accountIds"]), 2)
        self.assertTrue(set(self.state["accountIds"]) <= ids)

    def test_each_member_holds_its_own_resources_and_the_base_account_none(self):
        shape = bench.SIZES["small"]
        for account in self.state["accountIds"]:
            member = bench.member_of(self.port, account)
            self.assertEqual(bench.clients(self.port, "us-east-1", member)("sts").get_caller_identity()["Account"],
                             account)
            queues = bench.clients(self.port, "eu-west-1", member)("sqs").list_queues().get("QueueUrls", [])
            self.assertEqual(len(queues), shape["queues"])
            self.assertTrue(all("/%s/" % account in url for url in queues), queues)
            users = bench.clients(self.port, "us-east-1", member)("iam").list_users()["Users"]
            self.assertEqual(len(users), shape["iam_users"])
            self.assertTrue(all(":%s:" % account in u["Arn"] for u in users), users)
        self.assertEqual(bench.clients(self.port, "eu-west-1")("sqs").list_queues().get("QueueUrls", []), [])
        self.assertEqual(self.state["counts"]["eu-west-1"]["queues"], shape["queues"])

    def test_the_proxy_caches_each_accounts_answers_apart(self):
        proxy = bench.Proxy(self.port, 0.0)
        try:
            answers = {}
            for account in self.state["accountIds"]:
                member = bench.member_of(proxy.port, account)  # through the proxy: it learns the key's account
                sqs = bench.clients(proxy.port, "us-east-1", member)("sqs")
                first = sqs.list_queues()["QueueUrls"]
                upstream = proxy.snapshot()["upstreamCalls"]
                self.assertEqual(sqs.list_queues()["QueueUrls"], first)
                self.assertEqual(proxy.snapshot()["upstreamCalls"], upstream, "the second answer is the cached one")
                answers[account] = first
            a, b = self.state["accountIds"]
            self.assertNotEqual(answers[a], answers[b])
        finally:
            proxy.close()

    def test_the_organization_target_is_issue_15s_formula(self):
        # 2 x (30 calls x 40 ms + 3000 calls x 40 ms / (4 x 32)) = 2 x (1.2 + 0.9375)
        self.assertAlmostEqual(bench.organization_target(30, 3000, 0.040, 4, 32), 4.275)
        calls, critical = bench.organization_model({"accountIds": ["1", "2", "3"]},
                                                   {"sts:GetCallerIdentity": 1, "sqs:ListQueues": 2}, 10)
        self.assertEqual(calls, {"sts:GetCallerIdentity": 4, "sqs:ListQueues": 6, "organizations:ListAccounts": 1,
                                 "sts:AssumeRole": 3})
        self.assertEqual(critical, 13)


if __name__ == "__main__":
    unittest.main()
