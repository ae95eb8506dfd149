package com.huntaze.audit.cli;

import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.util.Background;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The AWS session of an audit of the base credentials, opened on a second core from the start of {@code check}
 * while the main thread reads the check registry, the config, the baseline and the suppressions. Opening it builds
 * the HTTP client, the credentials chain and STS's client — the AWS SDK's own start-up, a few hundred milliseconds of
 * first-time class initialisation that owes nothing to those files. No call is made here: GetCallerIdentity stays
 * where it was, after every input has been validated, so bad input still costs no AWS call.
 *
 * <p>What fails while opening (a usage error of the AWS options, such as an unknown profile) is thrown by
 * {@link #take}, where the command asks for the session, so errors are reported in the order they always were. A
 * session never taken (the command stopped earlier, on another error) is closed when it is ready.
 */
final class PreparedSession implements AutoCloseable {
    private final CompletableFuture<Opened> opening;
    private boolean taken;

    /** An open session and what opening it validated: the endpoint (null for AWS's own) and the audited regions. */
    record Opened(AwsSession aws, URI endpoint, List<String> regions) {
    }

    private PreparedSession(CompletableFuture<Opened> opening) {
        this.opening = opening;
    }

    /** Starts opening the session that {@code open} builds (its STS client included), on a daemon thread. */
    static PreparedSession open(Supplier<Opened> open) {
        return new PreparedSession(Background.start("aws-session", open));
    }

    /** The session, waiting for it to be open; from here its caller closes it. */
    Opened take() {
        taken = true;
        return Background.join(opening);
    }

    @Override
    public void close() {
        if (!taken) {
            opening.thenAccept(opened -> opened.aws().close());
        }
    }
}
