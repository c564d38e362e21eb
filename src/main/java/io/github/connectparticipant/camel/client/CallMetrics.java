package io.github.connectparticipant.camel.client;

/**
 * What the calls to one operation report for operators: each HTTP attempt's duration, each retry, each throttled
 * answer, each wait for capacity, and each whole call (with its retries and waits) with its outcome.
 * {@link #NONE} records nothing: the component's calls use it unless Micrometer is on the class path and a
 * MeterRegistry is found (see io.github.connectparticipant.camel.metrics). No token and no attachment id is ever reported.
 */
public interface CallMetrics {

    /** Records nothing. */
    CallMetrics NONE = new CallMetrics() {
    };

    /** Outcomes of a call, as the {@code outcome} tag spells them. */
    String SUCCESS = "success";
    String CLIENT_ERROR = "client_error";
    String THROTTLED = "throttled";
    String SERVER_ERROR = "server_error";
    String NO_ANSWER = "no_answer";

    default void attempt(long nanos) {
    }

    default void retry() {
    }

    /** An attempt the service throttled (HTTP 429), whether the learned rate absorbed it or it was retried. */
    default void throttled() {
    }

    default void waitedForCapacity(long nanos) {
    }

    /**
     * @param errorCode the service's error name, or "none" for a success
     */
    default void call(String outcome, String errorCode, long nanos) {
    }

    /** The outcome of a failed call, from its last answer. */
    static String outcomeOf(ServiceCallFailure failure) {
        int status = failure.statusCode();
        if (status == ServiceCallFailure.NO_ANSWER) {
            return NO_ANSWER;
        }
        if (status == 429) {
            return THROTTLED;
        }
        return status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
    }
}
