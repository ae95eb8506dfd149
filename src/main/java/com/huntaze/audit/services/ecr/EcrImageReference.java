package com.huntaze.audit.services.ecr;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image name that points into a private ECR registry:
 * {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG} or {@code .../REPO@sha256:...} (FIPS and China endpoints
 * included). Anything else (Docker Hub, ECR Public, another registry) is not one.
 *
 * @param name the part after the registry host, as written: {@code REPO:TAG}, {@code REPO@sha256:...} or {@code REPO}
 * @param tag  the tag, or null (a digest is given, or the image means {@code latest})
 */
public record EcrImageReference(String image, String account, String region, String repository, String tag,
                                String digest, String name) {

    private static final Pattern ECR = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/(.+)");

    public static Optional<EcrImageReference> parse(String image) {
        Matcher m = ECR.matcher(image == null ? "" : image.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(4);
        String repository = name;
        String digest = null;
        int at = repository.indexOf('@');
        if (at >= 0) {
            digest = repository.substring(at + 1);
            repository = repository.substring(0, at);
        }
        String tag = null;
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
            tag = repository.substring(colon + 1);
            repository = repository.substring(0, colon);
        }
        return Optional.of(new EcrImageReference(image, m.group(1), m.group(2), repository, tag, digest, name));
    }

    /** The tag ECR resolves when neither tag nor digest is written. */
    public String effectiveTag() {
        return tag == null && digest == null ? "latest" : tag;
    }

    /** The repository's ARN. */
    public String repositoryArn() {
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        return "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/" + repository;
    }

    /**
     * The registry an image outside ECR is pulled from: the host of its first path part when that names one (a dot,
     * a port or {@code localhost}), else Docker Hub ({@code docker.io}).
     */
    public static String registryOf(String image) {
        String text = image == null ? "" : image.strip();
        int slash = text.indexOf('/');
        if (slash > 0) {
            String first = text.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return "docker.io";
    }
}
