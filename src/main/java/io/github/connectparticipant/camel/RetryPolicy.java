package io.github.connectparticipant.camel;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call until it succeeds, fails for good, or has had its attempts: exponential backoff with full jitter,
 * Retry-After honoured as a minimum but capped, as the AWS SDK for Java v2 does.
 */
final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    /** One attempt; returns what the call answered. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws ServiceCallFailure;
    }

    /** The call succeeded: what it answered, and how many attempts it took. */
    record Succeeded<T>(T value, int attempts) {
    }

    /** The call failed for good: the last attempt's failure, how many attempts it had, and whether more might help. */
    static final class GaveUp extends Exception {
        private final transient ServiceCallFailure lastFailure;
        private final int attempts;
        private final boolean retryable;

        GaveUp(ServiceCallFailure lastFailure, int attempts, boolean retryable) {
            super(lastFailure.getMessage(), lastFailure, false, false);
            this.lastFailure = lastFailure;
            this.attempts = attempts;
            this.retryable = retryable;
        }

        ServiceCallFailure lastFailure() {
            return lastFailure;
        }

        int attempts() {
            return attempts;
        }

        boolean retryable() {
            return retryable;
        }
    }

    private final int maxAttempts;
    private final long baseDelayMillis;
    private final long maxDelayMillis;

    RetryPolicy(int maxAttempts, long baseDelayMillis, long maxDelayMillis) {
        this.maxAttempts = maxAttempts;
        this.baseDelayMillis = baseDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
    }

    /** The same policy with another number of attempts. */
    RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelayMillis, maxDelayMillis);
    }

    <T> Succeeded<T> run(String subject, Attempt<T> attempt) throws GaveUp {
        boolean earlierOutcomeUnknown = false;
        for (int attemptNumber = 1;; attemptNumber++) {
            ServiceCallFailure failure;
            try {
                return new Succeeded<>(attempt.run(), attemptNumber);
            } catch (ServiceCallFailure e) {
                failure = e;
            }
            boolean retryable = isRetryable(failure, earlierOutcomeUnknown);
            if (!retryable || attemptNumber >= maxAttempts) {
                throw new GaveUp(failure, attemptNumber, retryable);
            }
            earlierOutcomeUnknown |= failure.outcomeUnknown();
            long delay = delayBeforeRetry(attemptNumber, failure.retryAfterMillis());
            LOG.debug("{}: attempt {} of {} failed with {} (HTTP {}); retrying in {} ms", subject,
                    attemptNumber, maxAttempts, failure.errorCode(), failure.statusCode(), delay);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp(failure, attemptNumber, true);
            }
        }
    }

    /**
     * Throttling, 5xx and no answer are transient. A 409 after an attempt whose outcome is unknown most likely means
     * that attempt is still being processed under the same client token, so it is retried too; a first-attempt 409
     * is a real conflict.
     */
    static boolean isRetryable(ServiceCallFailure failure, boolean earlierOutcomeUnknown) {
        return failure.transientFailure() || failure.statusCode() == 409 && earlierOutcomeUnknown;
    }

    /**
     * Full jitter over base * 2^(failedAttempts - 1), capped; a Retry-After is the minimum, itself capped.
     */
    long delayBeforeRetry(int failedAttempts, long retryAfterMillis) {
        long ceiling = Math.min(maxDelayMillis, baseDelayMillis << Math.min(failedAttempts - 1, 30));
        long delay = ceiling > 0 ? ThreadLocalRandom.current().nextLong(ceiling + 1) : 0;
        if (retryAfterMillis >= 0) {
            delay = Math.max(delay, Math.min(retryAfterMillis, maxDelayMillis));
        }
        return delay;
    }
}
