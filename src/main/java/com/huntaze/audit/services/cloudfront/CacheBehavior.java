package com.huntaze.audit.services.cloudfront;

/**
 * One cache behavior of a distribution.
 *
 * @param pathPattern          {@code *} for the default cache behavior, else the ordered behavior's pattern
 * @param viewerProtocolPolicy {@code allow-all}, {@code redirect-to-https} or {@code https-only}
 * @param targetOriginId       the origin it serves from
 */
public record CacheBehavior(String pathPattern, String viewerProtocolPolicy, String targetOriginId) {

    /** The path pattern of the default cache behavior. */
    public static final String DEFAULT_PATH = "*";

    public boolean isDefault() {
        return DEFAULT_PATH.equals(pathPattern);
    }

    /** How findings name it: {@code default (*)} or the path pattern. */
    public String label() {
        return isDefault() ? "default (*)" : pathPattern;
    }
}
