package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The account options refuse, before any AWS call, what names no account or contradicts itself: exit 2, one line. */
class AccountOptionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--role-name huntaze-audit-readonly | --role-name goes with --accounts ID,... or --organization",
            "--accounts 222233334444 | --accounts needs --role-name NAME",
            "--organization | --organization needs --role-name NAME",
            "--accounts 22223333444 --role-name r | --accounts: '22223333444' is not an AWS account id (12 digits)",
            "--accounts 222233334444,222233334444 --role-name r | account 222233334444 is given twice",
            "--accounts 222233334444 --organization --role-name r | --accounts and --organization contradict",
            "--role-arn arn:aws:iam::222233334444:role/r --role-name r | --role-arn names one role",
            "--role-arn arn:aws:iam::2222:role/r | --role-arn 'arn:aws:iam::2222:role/r' is not an IAM role ARN",
            "--role-arn arn:aws:iam::222233334444:user/r | is not an IAM role ARN",
            "--exclude-accounts 222233334444 | --exclude-accounts goes with --organization",
            "--external-id abc | --external-id goes with --role-arn or --role-name",
            "--organization --role-name r --account-concurrency 65 | --account-concurrency must be between 1 and 64",
            "--organization --role-name r --account-concurrency 0 | --account-concurrency must be between 1 and 64",
            "--demo --organization --role-name r | --demo reads no AWS account",
    })
    void aContradictionOrAMalformedIdIsAUsageErrorOfOneLine(String options, String expected) {
        List<String> args = new ArrayList<>(List.of("check", "--region", "us-east-1", "--endpoint-url",
                "http://127.0.0.1:9"));
        args.addAll(List.of(options.strip().split(" ")));
        if (args.contains("--demo")) {
            args.removeAll(List.of("--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9"));
        }

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip()).doesNotContain("\n").contains(expected);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "arn:aws:sts::123456789012:assumed-role/ci/run, arn:aws:iam::222233334444:role/audit",
            "arn:aws-us-gov:iam::123456789012:user/ci, arn:aws-us-gov:iam::222233334444:role/audit",
            "arn:aws-cn:sts::123456789012:assumed-role/ci/run, arn:aws-cn:iam::222233334444:role/audit",
    })
    void theRoleOfEachAccountIsInThePartitionOfTheBaseIdentity(String baseIdentity, String role) {
        AccountOptions options = new AccountOptions();
        options.roleName = "audit";

        assertThat(options.roleArnIn("222233334444", AccountOptions.partitionOf(baseIdentity))).isEqualTo(role);
    }
}
