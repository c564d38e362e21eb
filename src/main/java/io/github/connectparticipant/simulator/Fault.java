package io.github.connectparticipant.simulator;

import java.time.Duration;

/**
 * A fault the simulator injects into one call instead of (or before) answering it as the service would.
 *
 * @param kind          what happens
 * @param status        the HTTP status of an error answer
 * @param errorType     the error name sent in x-amzn-ErrorType, or null for an answer without one
 * @param message       the error body's message, or null for an empty body
 * @param retryAfter    the Retry-After sent with the answer, or null
 * @param delay         how long a slow answer waits before the service's real answer
 */
public record Fault(Kind kind, int status, String errorType, String message, Duration retryAfter, Duration delay) {

    /** What a fault does. */
    public enum Kind {
        /** Answer with an error status (and, when set, an error type and message). */
        ERROR,
        /** Do the work, then close the connection without answering: the client cannot know it succeeded. */
        DROP_CONNECTION,
        /** Wait, then answer as the service would. */
        SLOW
    }

    /** 429 ThrottlingException. */
    public static Fault throttle() {
        return new Fault(Kind.ERROR, 429, "ThrottlingException", "Rate exceeded", null, null);
    }

    /** 429 ThrottlingException with a Retry-After header (whole seconds). */
    public static Fault throttle(Duration retryAfter) {
        return new Fault(Kind.ERROR, 429, "ThrottlingException", "Rate exceeded", retryAfter, null);
    }

    /** 500 InternalServerException. */
    public static Fault internalError() {
        return new Fault(Kind.ERROR, 500, "InternalServerException", "An internal error occurred", null, null);
    }

    /** 503 with no body and no error type, as a load balancer answers. */
    public static Fault serviceUnavailable() {
        return new Fault(Kind.ERROR, 503, null, null, null, null);
    }

    /** The service does the work but the answer is lost: the connection closes with no response. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, null, null, null, null);
    }

    /** The answer comes after the delay. */
    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, null, null, null, delay);
    }

    /** Any error answer, e.g. error(403, "AccessDeniedException", "...") or error(402, ...). */
    public static Fault error(int status, String errorType, String message) {
        return new Fault(Kind.ERROR, status, errorType, message, null, null);
    }
}
