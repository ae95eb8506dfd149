package com.huntaze.audit.services.ecr;

/**
 * An ECR repository, from DescribeRepositories.
 *
 * @param uri        {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/api}: what image names start with
 * @param scanOnPush the repository's own imageScanningConfiguration.scanOnPush (BASIC scanning only: ENHANCED
 *                   scanning ignores it); false when AWS omits it
 */
public record EcrRepository(String name, String arn, String uri, String registryId, boolean scanOnPush) {
}
