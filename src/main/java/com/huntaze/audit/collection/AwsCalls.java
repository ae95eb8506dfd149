package com.huntaze.audit.collection;

import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.CollectionFailure.Kind;
import com.huntaze.audit.util.Masking;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Wraps the AWS calls of collectors so that a failure names its IAM action and says what kind it is. */
public final class AwsCalls {
    private AwsCalls() {
    }

    private static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "AuthorizationError", "UnauthorizedException", "NotAuthorized");

    /**
     * Runs {@code call} (which may walk all pages of a paginator) and turns any SDK failure into an
     * {@link AwsCallException} naming {@code action}, e.g. {@code rds:DescribeDBInstances}.
     */
    public static <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new AwsCallException(classify(action, e), e);
        }
    }

    public static CollectionFailure classify(String action, Throwable e) {
        var unexpected = UnexpectedAnswerException.in(e);
        if (unexpected.isPresent()) {
            return new CollectionFailure(action, Kind.UNEXPECTED_ANSWER, unexpected.get().what(),
                    Masking.maskText(unexpected.get().getMessage()));
        }
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() != null ? service.awsErrorDetails().errorCode() : null;
            String message = Masking.maskText(service.awsErrorDetails() != null
                    ? service.awsErrorDetails().errorMessage() : service.getMessage());
            if (service.statusCode() == 403 || (code != null && ACCESS_DENIED_CODES.contains(code))) {
                return new CollectionFailure(action, Kind.ACCESS_DENIED, code != null ? code : "HTTP 403", message);
            }
            if (service.isThrottlingException()) {
                return new CollectionFailure(action, Kind.THROTTLED, code != null ? code : "HTTP 429", message);
            }
            String error = code != null ? code : "HTTP " + service.statusCode();
            return new CollectionFailure(action, Kind.ERROR, error, message);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException
                    || cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
                return new CollectionFailure(action, Kind.TIMEOUT, cause.getClass().getSimpleName(),
                        Masking.maskText(cause.getMessage()));
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof java.net.SocketException
                    || String.valueOf(cause.getMessage()).contains("Unexpected end of file")) {
                return new CollectionFailure(action, Kind.UNREACHABLE, cause.getClass().getSimpleName(),
                        Masking.maskText(cause.getMessage()));
            }
        }
        return new CollectionFailure(action, Kind.ERROR, e.getClass().getSimpleName(), Masking.maskText(e.getMessage()));
    }
}
