package com.huntaze.audit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The launch runbook's repository, built by a test: a git repository in a temp folder (JGit), three commits, holding
 * every file issue 14 lists. The planted credentials are generated for each run (never a real key) so that a test can
 * assert they appear in no output; every planted item's path and line is a constant here.
 *
 * <p>History: commit 1 (2026-10-01) adds everything, secrets-backup/of-creds.json included; commit 2 (2026-10-15)
 * deletes secrets-backup/of-creds.json; commit 3 (2026-11-02, HEAD) adds the docs. Untracked: notes/todo.txt (judged)
 * and node_modules/leftpad/creds.js (ignored by .gitignore: not judged, though it holds the planted key).
 */
public final class FixtureRepository {

    // ---- the planted credentials (generated: never printed by the audit) ----
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A real-looking long-term access key id: AKIA and 16 upper-case letters and digits. */
    public static final String PLANTED_KEY_ID = "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    /** A 40-character secret access key. */
    public static final String PLANTED_SECRET_KEY = random(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
    /** The database password exported in secrets-backup/of-creds.json and held by the state file. */
    public static final String PLANTED_PASSWORD = "pw-" + random("abcdefghijklmnopqrstuvwxyz0123456789", 24);

    /** Every planted value: none may appear in any output. */
    public static final List<String> PLANTED = List.of(PLANTED_KEY_ID, PLANTED_SECRET_KEY, PLANTED_PASSWORD);

    // ---- paths ----
    public static final String STATE_FILE = "infra/aws/terraform.tfstate";
    public static final String REMOVED_SECRETS = "secrets-backup/of-creds.json";
    public static final String AMPLIFY = "amplify.yml";
    public static final String BUILDSPEC = "buildspec.yml";
    public static final String STACK = "infra/aws/aws-infrastructure.yaml";
    public static final String REDIRECT_STACK = "infra/aws/edge-listener.yaml";
    public static final String AI_ROUTER = "infra/terraform/ai-router/main.tf";
    public static final String CRON_TERRAFORM = "infra/terraform/eventbridge-cron/main.tf";
    public static final String CLOUDFRONT = "infra/cloudfront.yaml";
    public static final String CRONJOB = "k8s/video-cleanup-cronjob.yaml";
    public static final String CDK = "cdk/cdk.json";
    public static final String TASK_DEFINITION = "infra/ecs/task-definition.json";
    public static final String DEPLOY_SCRIPT = "scripts/deploy.sh";
    public static final String ENV_EXAMPLE = ".env.example";
    public static final String DOCS = "docs/README.md";
    public static final String UNTRACKED = "notes/todo.txt";
    public static final String IGNORED = "node_modules/leftpad/creds.js";

    // ---- the files' texts ----
    private static final String STATE_TEXT = """
            {
              "version": 4,
              "terraform_version": "1.9.5",
              "resources": [
                {"type": "aws_db_instance", "name": "main",
                 "instances": [{"attributes": {"username": "huntaze", "password": "%s"}}]}
              ]
            }
            """.formatted(PLANTED_PASSWORD);
    private static final String SECRETS_TEXT = """
            {"DATABASE_URL": "postgres://huntaze:%s@db.internal:5432/app", "STRIPE_KEY": "sk_live_%s"}
            """.formatted(PLANTED_PASSWORD, PLANTED_PASSWORD);
    private static final String AMPLIFY_TEXT = """
            version: 1
            frontend:
              phases:
                preBuild:
                  commands:
                    - npm ci
                build:
                  commands:
                    - export AWS_ACCESS_KEY_ID=$HUNTAZE_DEPLOY_KEY
                    - npm run build
              artifacts:
                baseDirectory: .next
                files:
                  - '**/*'
            """;
    private static final String BUILDSPEC_TEXT = """
            version: 0.2
            phases:
              build:
                commands:
                  - docker build -t huntaze/app .
            """;
    private static final String STACK_TEXT = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Huntaze ECS + ALB + VPC
            Parameters:
              ImageUri:
                Type: String
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              PublicSubnetA:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Vpc
                  CidrBlock: 10.0.1.0/24
                  AvailabilityZone: !Select [0, !GetAZs '']
              LoadBalancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Scheme: internet-facing
                  Subnets:
                    - !Ref PublicSubnetA
              TargetGroup:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties:
                  VpcId: !Ref Vpc
                  Port: 3000
                  Protocol: HTTP
                  TargetType: ip
              HttpListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref LoadBalancer
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: !Ref TargetGroup
              TaskRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Principal: {Service: ecs-tasks.amazonaws.com}
                        Action: sts:AssumeRole
              TaskDefinition:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  Family: !Sub '${AWS::StackName}-app'
                  TaskRoleArn: !GetAtt TaskRole.Arn
                  RequiresCompatibilities: [FARGATE]
                  NetworkMode: awsvpc
                  Cpu: '512'
                  Memory: '1024'
                  ContainerDefinitions:
                    - Name: app
                      Image: !Ref ImageUri
              Service:
                Type: AWS::ECS::Service
                Properties:
                  TaskDefinition: !Ref TaskDefinition
                  DesiredCount: 2
                  LaunchType: FARGATE
                  NetworkConfiguration:
                    AwsvpcConfiguration:
                      AssignPublicIp: ENABLED
                      Subnets:
                        - !Ref PublicSubnetA
            """;
    private static final String REDIRECT_STACK_TEXT = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              LoadBalancerArn:
                Type: String
            Resources:
              HttpRedirect:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref LoadBalancerArn
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: redirect
                      RedirectConfig:
                        Protocol: HTTPS
                        Port: '443'
                        StatusCode: HTTP_301
            """;
    private static final String AI_ROUTER_TEXT = """
            provider "aws" {
              region = "us-east-1"
            }

            resource "aws_ecs_service" "ai_router" {
              name            = "ai-router"
              cluster         = "huntaze"
              task_definition = "ai-router:1"
              desired_count   = 1
              launch_type     = "FARGATE"

              network_configuration {
                subnets          = ["subnet-0abc"]
                assign_public_ip = true
              }
            }
            """;
    private static final String CRON_TERRAFORM_TEXT = """
            terraform {
              backend "s3" {
                bucket       = "huntaze-terraform-state"
                key          = "eventbridge-cron/terraform.tfstate"
                region       = "us-east-1"
                use_lockfile = true
              }
            }

            provider "aws" {
              region = "us-east-1"
            }

            resource "aws_cloudwatch_event_rule" "nightly" {
              name                = "huntaze-nightly"
              schedule_expression = "cron(0 3 * * ? *)"
            }
            """;
    private static final String CLOUDFRONT_TEXT = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Huntaze CloudFront + S3
            Parameters:
              OriginDomain:
                Type: String
                Default: huntaze.vercel.app
            Resources:
              Assets:
                Type: AWS::S3::Bucket
              Distribution:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins:
                      - Id: app
                        DomainName: !Ref OriginDomain
                        CustomOriginConfig:
                          OriginProtocolPolicy: https-only
                      - Id: assets
                        DomainName: !GetAtt Assets.RegionalDomainName
                        S3OriginConfig: {}
                    DefaultCacheBehavior:
                      TargetOriginId: app
                      ViewerProtocolPolicy: redirect-to-https
            """;
    private static final String CRONJOB_TEXT = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: video-cleanup
            spec:
              schedule: "0 4 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - name: cleanup
                          image: huntaze/video-cleanup:1.4.0
            """;
    private static final String CDK_TEXT = """
            {"app": "npx ts-node --prefer-ts-exts bin/huntaze.ts"}
            """;
    private static final String TASK_DEFINITION_TEXT = """
            {
              "family": "video-processor",
              "networkMode": "awsvpc",
              "containerDefinitions": [{"name": "processor", "image": "huntaze/video-processor:2.1.0"}]
            }
            """;
    private static final String DEPLOY_TEXT = """
            #!/bin/sh
            set -eu
            # deploys the video processor
            aws_access_key_id=%s
            aws_secret_access_key=%s
            aws ecs update-service --cluster huntaze --service video-processor --force-new-deployment
            """.formatted(PLANTED_KEY_ID, PLANTED_SECRET_KEY);
    private static final String ENV_EXAMPLE_TEXT = """
            DATABASE_URL=postgres://user:password@localhost:5432/huntaze
            NEXT_PUBLIC_SITE_URL=http://localhost:3000
            """;
    private static final String DOCS_TEXT = """
            # Huntaze

            Local development uses the AWS CLI's example profile:

                aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE
            """;

    // ---- where each planted item is ----
    public static final int AMPLIFY_KEY_VARIABLE_LINE = lineOf(AMPLIFY_TEXT, "AWS_ACCESS_KEY_ID");
    public static final int DEPLOY_KEY_ID_LINE = lineOf(DEPLOY_TEXT, "aws_access_key_id=");
    public static final int DEPLOY_SECRET_KEY_LINE = lineOf(DEPLOY_TEXT, "aws_secret_access_key=");
    public static final int DOCS_EXAMPLE_KEY_LINE = lineOf(DOCS_TEXT, "AKIAIOSFODNN7EXAMPLE");
    /** For repo.iac-public-ip: the {@code AssignPublicIp: ENABLED} line of the ECS service. */
    public static final int STACK_ASSIGN_PUBLIC_IP_LINE = lineOf(STACK_TEXT, "AssignPublicIp: ENABLED");
    /** For repo.iac-http-listener: the HTTP listener that forwards (its {@code Type:} line). */
    public static final int STACK_HTTP_LISTENER_LINE = lineOf(STACK_TEXT, "HttpListener:") + 1;
    /** For repo.iac-http-listener: the internet-facing load balancer without an HTTPS listener. */
    public static final int STACK_LOAD_BALANCER_LINE = lineOf(STACK_TEXT, "LoadBalancer:") + 1;
    /** For repo.task-role-policies: the role without policies. */
    public static final int STACK_TASK_ROLE_LINE = lineOf(STACK_TEXT, "TaskRole:") + 1;
    /** For repo.iac-http-listener's OK case: the listener that redirects to HTTPS. */
    public static final int REDIRECT_LISTENER_LINE = lineOf(REDIRECT_STACK_TEXT, "HttpRedirect:") + 1;
    /** For repo.iac-public-ip: {@code assign_public_ip = true}. */
    public static final int AI_ROUTER_PUBLIC_IP_LINE = lineOf(AI_ROUTER_TEXT, "assign_public_ip = true");
    /** For repo.cloudfront-origin: the parameter default outside AWS. */
    public static final int CLOUDFRONT_ORIGIN_DEFAULT_LINE = lineOf(CLOUDFRONT_TEXT, "Default: huntaze.vercel.app");
    public static final int CLOUDFRONT_ORIGIN_LINE = lineOf(CLOUDFRONT_TEXT, "DomainName: !Ref OriginDomain");

    /** The infrastructure code of the fixture at HEAD, by kind, as the discovery table must list it. */
    public static final Map<String, List<String>> INFRASTRUCTURE = infrastructure();

    /** Commit dates, UTC. */
    public static final String FIRST_COMMIT_DATE = "2026-10-01";
    public static final String REMOVAL_COMMIT_DATE = "2026-10-15";
    public static final String HEAD_COMMIT_DATE = "2026-11-02";

    private final Path root;
    private final String firstCommit;
    private final String headCommit;

    private FixtureRepository(Path root, String firstCommit, String headCommit) {
        this.root = root;
        this.firstCommit = firstCommit;
        this.headCommit = headCommit;
    }

    /** Builds the repository in {@code parent}/huntaze (its name: the findings' location.repository). */
    public static FixtureRepository create(Path parent) {
        Path root = parent.resolve("huntaze");
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write(root, ".gitignore", "node_modules/\n.terraform/\n");
            write(root, STATE_FILE, STATE_TEXT);
            write(root, REMOVED_SECRETS, SECRETS_TEXT);
            write(root, AMPLIFY, AMPLIFY_TEXT);
            write(root, BUILDSPEC, BUILDSPEC_TEXT);
            write(root, STACK, STACK_TEXT);
            write(root, REDIRECT_STACK, REDIRECT_STACK_TEXT);
            write(root, AI_ROUTER, AI_ROUTER_TEXT);
            write(root, CRON_TERRAFORM, CRON_TERRAFORM_TEXT);
            write(root, CLOUDFRONT, CLOUDFRONT_TEXT);
            write(root, CRONJOB, CRONJOB_TEXT);
            write(root, CDK, CDK_TEXT);
            write(root, TASK_DEFINITION, TASK_DEFINITION_TEXT);
            write(root, DEPLOY_SCRIPT, DEPLOY_TEXT);
            write(root, ENV_EXAMPLE, ENV_EXAMPLE_TEXT);
            write(root, "src/app.ts", "export const app = () => 'huntaze';\n");
            RevCommit first = commit(git, "Huntaze infrastructure", FIRST_COMMIT_DATE);
            git.rm().addFilepattern(REMOVED_SECRETS).call();
            commit(git, "Remove the secrets backup", REMOVAL_COMMIT_DATE);
            write(root, DOCS, DOCS_TEXT);
            RevCommit head = commit(git, "Docs", HEAD_COMMIT_DATE);
            write(root, UNTRACKED, "rotate the deploy key\n");
            write(root, IGNORED, "module.exports = '" + PLANTED_KEY_ID + "';\n");
            return new FixtureRepository(root, first.name(), head.name());
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot build the fixture repository: " + e.getMessage(), e);
        }
    }

    /** The repository as {@code check --repo} reads it (history bounded by the default). */
    public com.huntaze.audit.services.repo.RepositoryScan scan() {
        try {
            return new com.huntaze.audit.services.repo.RepoReader(
                    com.huntaze.audit.services.repo.RepoReader.DEFAULT_HISTORY_COMMITS).read(root.toString(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** Its name: the folder's. */
    public String name() {
        return root.getFileName().toString();
    }

    public String firstCommit() {
        return firstCommit;
    }

    public String headCommit() {
        return headCommit;
    }

    private static RevCommit commit(Git git, String message, String date) throws GitAPIException {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(new PersonIdent("Huntaze Dev", "dev@huntaze.test"),
                Date.from(Instant.parse(date + "T10:00:00Z")), TimeZone.getTimeZone("UTC"));
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private static void write(Path root, String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> infrastructure() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("amplify", List.of(AMPLIFY));
        kinds.put("cloudformation", List.of(STACK, REDIRECT_STACK, CLOUDFRONT));
        kinds.put("terraform", List.of(AI_ROUTER, CRON_TERRAFORM));
        kinds.put("kubernetes", List.of(CRONJOB));
        kinds.put("cdk", List.of(CDK));
        kinds.put("codebuild", List.of(BUILDSPEC));
        kinds.put("ecs-task-definition", List.of(TASK_DEFINITION));
        return kinds;
    }

    /** The 1-based line of {@code text} holding {@code marker}. */
    static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("no " + marker);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String random(String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return value.toString();
    }
}
