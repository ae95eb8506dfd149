package com.huntaze.audit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options of {@code check} that choose the accounts to audit through an IAM role (README "Many accounts"):
 * {@code --role-arn} (one account, a single-account report), {@code --accounts} or {@code --organization} with
 * {@code --role-name} (several accounts, one report of them all). Without any, the audit reads the account of the
 * base credentials, as always.
 */
public final class AccountOptions {

    /** Accounts audited at once by default: 4 × 32 calls in flight stays within one host's sockets and memory. */
    static final int DEFAULT_ACCOUNT_CONCURRENCY = 4;
    static final int MAX_ACCOUNT_CONCURRENCY = 64;

    /** An IAM role ARN: its partition, account and name (with an optional path). */
    static final Pattern ROLE_ARN = Pattern.compile("arn:(aws[a-z-]*):iam::([0-9]{12}):role/([\\w+=,.@/-]{1,512})");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    /** An IAM role name as IAM accepts it (letters, digits and +=,.@_-, at most 64). */
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    /** How the accounts are chosen. */
    enum Mode { BASE_CREDENTIALS, ROLE_ARN, ACCOUNTS, ORGANIZATION }

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "Audit the account of this IAM role, assumed (STS AssumeRole, renewed during the run) with"
                    + " the base credentials (default chain or --profile).")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID",
            description = "The external id the role's trust policy requires (with --role-arn or --role-name).")
    String externalId;

    @Option(names = "--accounts", split = ",", paramLabel = "ID",
            description = "Audit these accounts (12-digit ids, comma-separated) through --role-name in each: one report"
                    + " of them all.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--organization",
            description = "Audit every ACTIVE account of the AWS Organization (organizations:ListAccounts, from the"
                    + " management or a delegated administrator account) through --role-name in each.")
    boolean organization;

    @Option(names = "--exclude-accounts", split = ",", paramLabel = "ID",
            description = "With --organization: leave out these accounts (12-digit ids, comma-separated).")
    List<String> excludedAccounts = new ArrayList<>();

    @Option(names = "--role-name", paramLabel = "NAME",
            description = "With --accounts or --organization: the role assumed in each account, "
                    + "arn:<partition>:iam::<id>:role/NAME (the partition of the base identity).")
    String roleName;

    @Option(names = "--account-concurrency", paramLabel = "N", defaultValue = "" + DEFAULT_ACCOUNT_CONCURRENCY,
            description = "Accounts audited at once (1-" + MAX_ACCOUNT_CONCURRENCY + ", default: ${DEFAULT-VALUE});"
                    + " --concurrency stays the calls in flight per account.")
    int accountConcurrency;

    /** The validated choice; a contradiction or a malformed id or ARN is a usage error (exit 2, one line). */
    Mode mode(boolean demo) {
        Mode mode = roleArn != null ? Mode.ROLE_ARN : !accounts.isEmpty() ? Mode.ACCOUNTS
                : organization ? Mode.ORGANIZATION : Mode.BASE_CREDENTIALS;
        if (demo && (mode != Mode.BASE_CREDENTIALS || roleName != null || externalId != null)) {
            throw new UsageException("--demo reads no AWS account: it cannot be combined with --role-arn, --accounts,"
                    + " --organization or --role-name");
        }
        if (accountConcurrency < 1 || accountConcurrency > MAX_ACCOUNT_CONCURRENCY) {
            throw new UsageException("--account-concurrency must be between 1 and " + MAX_ACCOUNT_CONCURRENCY
                    + ", not " + accountConcurrency);
        }
        if (roleArn != null && (!accounts.isEmpty() || organization || roleName != null)) {
            throw new UsageException("--role-arn names one role: it cannot be combined with --accounts, --organization"
                    + " or --role-name");
        }
        if (!accounts.isEmpty() && organization) {
            throw new UsageException("--accounts and --organization contradict each other: give the accounts, or"
                    + " take the organization's (with --exclude-accounts)");
        }
        if (!excludedAccounts.isEmpty() && !organization) {
            throw new UsageException("--exclude-accounts goes with --organization");
        }
        if (roleName != null && (mode == Mode.BASE_CREDENTIALS)) {
            throw new UsageException("--role-name goes with --accounts ID,... or --organization");
        }
        if ((mode == Mode.ACCOUNTS || mode == Mode.ORGANIZATION) && roleName == null) {
            throw new UsageException((organization ? "--organization" : "--accounts")
                    + " needs --role-name NAME: the role to assume in each account");
        }
        if (externalId != null && mode == Mode.BASE_CREDENTIALS) {
            throw new UsageException("--external-id goes with --role-arn or --role-name");
        }
        if (externalId != null && !externalId.matches("[\\w+=,.@:/-]{2,1224}")) {
            throw new UsageException("--external-id must be 2 to 1224 of the characters letters, digits and"
                    + " +=,.@:/-_");
        }
        if (roleArn != null && !ROLE_ARN.matcher(roleArn).matches()) {
            throw new UsageException("--role-arn '" + roleArn + "' is not an IAM role ARN, e.g."
                    + " arn:aws:iam::222233334444:role/huntaze-audit-readonly");
        }
        if (roleName != null && !ROLE_NAME.matcher(roleName).matches()) {
            throw new UsageException("--role-name '" + roleName + "' is not an IAM role name (letters, digits and"
                    + " +=,.@_-, at most 64)");
        }
        requireAccountIds("--accounts", accounts);
        requireAccountIds("--exclude-accounts", excludedAccounts);
        return mode;
    }

    private static void requireAccountIds(String option, List<String> ids) {
        List<String> seen = new ArrayList<>();
        for (String id : ids) {
            if (!ACCOUNT_ID.matcher(id.strip()).matches()) {
                throw new UsageException(option + ": '" + id + "' is not an AWS account id (12 digits)");
            }
            if (seen.contains(id.strip())) {
                throw new UsageException(option + ": account " + id.strip() + " is given twice");
            }
            seen.add(id.strip());
        }
    }

    /** The account of the {@code --role-arn}. */
    String roleArnAccount() {
        Matcher m = ROLE_ARN.matcher(roleArn);
        if (!m.matches()) {
            throw new IllegalStateException("--role-arn not validated");
        }
        return m.group(2);
    }

    /**
     * The role to assume in {@code account}: the {@code --role-arn}, or {@code --role-name} in that account, in
     * {@code partition} (the base identity's: aws, aws-cn, aws-us-gov).
     */
    String roleArnIn(String account, String partition) {
        return roleArn != null ? roleArn : "arn:" + partition + ":iam::" + account + ":role/" + roleName;
    }

    /** The partition of an ARN ({@code arn:PARTITION:...}), {@code aws} when it is not an ARN. */
    static String partitionOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return "aws";
        }
        int end = arn.indexOf(':', 4);
        return end < 0 ? "aws" : arn.substring(4, end);
    }
}
