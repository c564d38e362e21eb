package io.github.connectparticipant.camel.client;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call until it succeeds, fails for good, or has had its attempts: exponential backoff with full jitter,
 * Retry-After honoured as a minimum but capped, as the AWS SDK for Java v2 does; every attempt through the call's
 * {@link CallGate}, which paces it to the operation's learned rate and holds it through an outage.
 */
public final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    /** The error code of a call that waited for capacity all its message may and was never sent. */
    public static final String CAPACITY_WAIT_EXCEEDED = "CapacityWaitExceeded";

    /** One attempt; returns what the call answered. */
    @FunctionalInterface
    public interface Attempt<T> {

        T run() throws ServiceCallFailure;
    }

    /** The call succeeded: what it answered, and how many attempts it took. */
    public record Succeeded<T>(T value, int attempts) {
    }

    /** The call failed for good: the last attempt's failure, how many attempts it had, and whether more might help. */
    public static final class GaveUp extends Exception {

        private final transient ServiceCallFailure lastFailure;
        private final int attempts;
        private final boolean retryable;

        public GaveUp(ServiceCallFailure lastFailure, int attempts, boolean retryable) {
            super(lastFailure.getMessage(), lastFailure, false, false);
            this.lastFailure = lastFailure;
            this.attempts = attempts;
            this.retryable = retryable;
        }

        public ServiceCallFailure lastFailure() {
            return lastFailure;
        }

        public int attempts() {
            return attempts;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final int maxAttempts;
    private final long baseDelayMillis;
    private final long maxDelayMillis;

    public RetryPolicy(int maxAttempts, long baseDelayMillis, long maxDelayMillis) {
        this.maxAttempts = maxAttempts;
        this.baseDelayMillis = baseDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
    }

    /** The same policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelayMillis, maxDelayMillis);
    }

    /**
     * Runs the call through its gate: each attempt waits there for capacity (the service back from an outage, its
     * turn at the operation's rate), out of the message's allowance. A throttle the gate's learned rate takes uses no
     * attempt: the call waits for its turn and goes again. A server fault or no answer retries while the call has
     * attempts; once the service's retry budget takes it to be down (see {@link RetryBudget}: faults in a row), the
     * call holds, without using attempts, until an answer ends the outage or the allowance runs out.
     *
     * @return the value and how many attempts went on the wire
     */
    public <T> Succeeded<T> run(Object subject, CallGate gate, CapacityWait capacityWait, Attempt<T> attempt)
            throws GaveUp {
        CallMetrics metrics = gate.metrics();
        if (metrics == CallMetrics.NONE) {
            return runGated(subject, gate, capacityWait, attempt, metrics);
        }
        long start = System.nanoTime();
        try {
            Succeeded<T> done = runGated(subject, gate, capacityWait, attempt, metrics);
            metrics.call(CallMetrics.SUCCESS, "none", System.nanoTime() - start);
            return done;
        } catch (GaveUp gaveUp) {
            ServiceCallFailure last = gaveUp.lastFailure();
            metrics.call(CallMetrics.outcomeOf(last), last.errorCode(), System.nanoTime() - start);
            throw gaveUp;
        }
    }

    private <T> Succeeded<T> runGated(Object subject, CallGate gate, CapacityWait capacityWait, Attempt<T> attempt,
            CallMetrics metrics) throws GaveUp {
        GatedCall call = new GatedCall();
        boolean earlierOutcomeUnknown = false;
        int sent = 0;
        int counted = 0;
        ServiceCallFailure failure = null;
        for (;;) {
            if (!admitted(gate, call, capacityWait, metrics)) {
                // a call held through an outage from its start reports what the outage answered
                throw new GaveUp(waitedOut(failure != null ? failure : gate.lastFault(), capacityWait), sent, true);
            }
            if (++sent > 1) {
                metrics.retry();
            }
            long sentAt = metrics == CallMetrics.NONE ? 0 : System.nanoTime();
            try {
                T value = attempt.run();
                gate.succeeded(call);
                return new Succeeded<>(value, sent);
            } catch (ServiceCallFailure e) {
                failure = e;
            } finally {
                if (metrics != CallMetrics.NONE) {
                    metrics.attempt(System.nanoTime() - sentAt);
                }
            }
            if (failure.statusCode() == 429) {
                metrics.throttled();
            }
            if (failure.statusCode() == 429 && gate.throttled(call)) {
                long retryAfter = failure.retryAfterMillis();
                if (retryAfter > 0 && !sleptOutOf(capacityWait, Math.min(retryAfter, maxDelayMillis))) {
                    throw new GaveUp(waitedOut(failure, capacityWait), sent, true);
                }
                continue;
            }
            boolean retryable = isRetryable(failure, earlierOutcomeUnknown);
            if (!retryable) {
                if (failure.statusCode() == ServiceCallFailure.NO_ANSWER) {
                    gate.released(call);
                } else {
                    gate.answered(call);
                }
                throw new GaveUp(failure, sent, false);
            }
            earlierOutcomeUnknown |= failure.outcomeUnknown();
            counted++;
            boolean attemptsLeft = counted < maxAttempts;
            if (failure.outcomeUnknown()) {
                RetryBudget.AfterFault decision = gate.faulted(call, failure, attemptsLeft);
                if (decision == RetryBudget.AfterFault.HOLD) {
                    // the outage's doing, not the message's: no attempt used, the gate holds the call
                    counted--;
                    continue;
                }
                if (decision == RetryBudget.AfterFault.GIVE_UP) {
                    throw new GaveUp(failure, sent, true);
                }
            } else {
                // a throttle the gate does not take (it told the gate already), a 409 after an unknown outcome: an
                // answer, so the service is up
                if (failure.statusCode() != 429) {
                    gate.answered(call);
                }
                if (!attemptsLeft) {
                    throw new GaveUp(failure, sent, true);
                }
            }
            long delay = delayBeforeRetry(counted, failure.retryAfterMillis());
            LOG.debug("{}: attempt {} of {} failed with {} (HTTP {}); retrying in {} ms", subject,
                    counted, maxAttempts, failure.errorCode(), failure.statusCode(), delay);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp(failure, sent, true);
            }
        }
    }

    private static boolean admitted(CallGate gate, GatedCall call, CapacityWait capacityWait, CallMetrics metrics) {
        long start = metrics == CallMetrics.NONE ? 0 : System.nanoTime();
        try {
            return gate.admit(call, capacityWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (metrics != CallMetrics.NONE) {
                metrics.waitedForCapacity(System.nanoTime() - start);
            }
        }
    }

    private static boolean sleptOutOf(CapacityWait capacityWait, long millis) {
        try {
            return capacityWait.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The failure of a call whose message waited all it may for capacity: the last answer, and that it waited. */
    private static ServiceCallFailure waitedOut(ServiceCallFailure last, CapacityWait capacityWait) {
        String waited = "waited " + capacityWait.maxWaitMillis() + " ms (maxWaitForCapacity) for capacity";
        if (last == null) {
            return new ServiceCallFailure(ServiceCallFailure.NO_ANSWER, CAPACITY_WAIT_EXCEEDED,
                    waited + "; nothing was sent", null, -1, null);
        }
        return new ServiceCallFailure(last.statusCode(), last.errorCode(),
                (last.getMessage() != null ? last.getMessage() + "; " : "") + waited, last.requestId(),
                last.retryAfterMillis(), last.getCause());
    }

    /**
     * Throttling, 5xx and no answer are transient. A 409 after an attempt whose outcome is unknown most likely means
     * that attempt is still being processed under the same client token, so it is retried too; a first-attempt 409
     * is a real conflict.
     */
    public static boolean isRetryable(ServiceCallFailure failure, boolean earlierOutcomeUnknown) {
        return failure.transientFailure() || failure.statusCode() == 409 && earlierOutcomeUnknown;
    }

    /**
     * Full jitter over base * 2^(failedAttempts - 1), capped; a Retry-After is the minimum, itself capped.
     */
    public long delayBeforeRetry(int failedAttempts, long retryAfterMillis) {
        long ceiling = Math.min(maxDelayMillis, baseDelayMillis << Math.min(failedAttempts - 1, 30));
        long delay = ceiling > 0 ? ThreadLocalRandom.current().nextLong(ceiling + 1) : 0;
        if (retryAfterMillis >= 0) {
            delay = Math.max(delay, Math.min(retryAfterMillis, maxDelayMillis));
        }
        return delay;
    }
}
