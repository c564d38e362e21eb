package io.github.connectparticipant.camel.client;

import javax.net.ssl.SSLHandshakeException;

/**
 * Why one attempt of one call failed: the service's answer, or no answer at all. Internal to a call: when the call
 * gives up, its last one goes into the {@link FailedCall} a route sees.
 */
public final class ServiceCallFailure extends Exception {

    /** statusCode when the service did not answer (connection refused or dropped, timeout). */
    public static final int NO_ANSWER = 0;

    private final int statusCode;
    private final String errorCode;
    private final String requestId;
    private final long retryAfterMillis;

    public ServiceCallFailure(int statusCode, String errorCode, String message, String requestId, long retryAfterMillis,
            Throwable cause) {
        super(message, cause, false, false);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.retryAfterMillis = retryAfterMillis;
    }

    public static ServiceCallFailure noAnswer(Exception cause) {
        String message = cause.getMessage() != null ? cause.getMessage() : "no answer from the service";
        return new ServiceCallFailure(NO_ANSWER, cause.getClass().getSimpleName(), message, null, -1, cause);
    }

    public int statusCode() {
        return statusCode;
    }

    public String errorCode() {
        return errorCode;
    }

    public String requestId() {
        return requestId;
    }

    /** The Retry-After the service asked for, in milliseconds, or -1. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** True when the service may have acted on the attempt although it did not confirm it. */
    public boolean outcomeUnknown() {
        return statusCode == NO_ANSWER || statusCode >= 500;
    }

    /**
     * Throttling, service faults and no answer at all are worth another attempt; a TLS handshake that failed (an
     * untrusted certificate, no common protocol) fails the same way every time.
     */
    public boolean transientFailure() {
        if (statusCode == NO_ANSWER) {
            return !(getCause() instanceof SSLHandshakeException);
        }
        return statusCode == 429 || statusCode >= 500;
    }
}
