package com.huntaze.audit.collection;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * An endpoint answered a call with HTTP 2xx and something that is not the API's answer: an HTML page (a captive
 * portal, a proxy's login page), an XML body without the operation's root element, a body that is not JSON for a JSON
 * protocol. Thrown by {@link AnswerShapeGuard} before unmarshalling, so that nothing is ever read out of such a body.
 *
 * <p>An {@link SdkClientException}, so that {@link AwsCalls#call} classifies it like any other SDK failure; never
 * retryable (the same endpoint gives the same page), and it keeps its type when the SDK rebuilds it with
 * {@code toBuilder()} to record the number of attempts.
 */
public final class UnexpectedAnswerException extends SdkClientException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final String endpoint;

    /**
     * @param what     the answer in a few words, e.g. {@code text/html} or {@code no DescribeDBInstancesResponse element}
     * @param endpoint where it came from, e.g. {@code https://rds.us-east-1.amazonaws.com}
     * @param detail   more for --debug (status, content type, how the body starts), or null
     */
    public UnexpectedAnswerException(String what, String endpoint, String detail) {
        this(new Builder(what, endpoint).message("unexpected answer: " + what + " from " + endpoint
                + (detail == null ? "" : " (" + detail + ")")));
    }

    private UnexpectedAnswerException(Builder builder) {
        super(builder);
        this.what = builder.what;
        this.endpoint = builder.endpoint;
    }

    /** The answer in a few words: {@code text/html}, {@code no GetCallerIdentityResponse element}, {@code not JSON}. */
    public String what() {
        return what;
    }

    /** Where the answer came from: scheme, host and (when not the default) port. */
    public String endpoint() {
        return endpoint;
    }

    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The unexpected answer in {@code e} or its causes, if any. */
    public static Optional<UnexpectedAnswerException> in(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnexpectedAnswerException unexpected) {
                return Optional.of(unexpected);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Keeps the type and fields through the SDK's {@code toBuilder().numAttempts(n).build()}. */
    static final class Builder extends SdkClientException.BuilderImpl {
        private final String what;
        private final String endpoint;

        Builder(String what, String endpoint) {
            this.what = what;
            this.endpoint = endpoint;
        }

        Builder(UnexpectedAnswerException e) {
            super(e);
            this.what = e.what;
            this.endpoint = e.endpoint;
        }

        @Override
        public Builder message(String message) {
            super.message(message);
            return this;
        }

        @Override
        public UnexpectedAnswerException build() {
            return new UnexpectedAnswerException(this);
        }
    }
}
