package io.github.connectparticipant.simulator;

import java.time.Duration;

/**
 * Probabilities (0..1, summing to at most 1) of the faults the simulator injects at random into calls that no script
 * covers.
 *
 * @param throttle           429 ThrottlingException without Retry-After
 * @param throttleRetryAfter 429 ThrottlingException with Retry-After: 1
 * @param internalError      500 InternalServerException
 * @param serviceUnavailable 503 without a body
 * @param dropConnection     work done, connection closed without an answer
 * @param slow               answer after slowDelay
 * @param slowDelay          how long a slow answer waits
 * @param seed               the random seed, so that a run can be repeated
 */
public record FaultRates(double throttle, double throttleRetryAfter, double internalError, double serviceUnavailable,
        double dropConnection, double slow, Duration slowDelay, long seed) {

    /** No random faults. */
    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0, 0, Duration.ZERO, 0);

    public FaultRates {
        double total = throttle + throttleRetryAfter + internalError + serviceUnavailable + dropConnection + slow;
        if (throttle < 0 || throttleRetryAfter < 0 || internalError < 0 || serviceUnavailable < 0 || dropConnection < 0
                || slow < 0 || total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault rates must be between 0 and 1 and sum to at most 1");
        }
        slowDelay = slowDelay == null ? Duration.ZERO : slowDelay;
    }

    /**
     * A brownout: this share of the calls fails at random, whatever the rate (a third throttled, a third 500, the rest
     * 503 and dropped connections in halves), beside any quota.
     */
    public static FaultRates brownout(double share, long seed) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("a brownout's share is between 0 and 1, not " + share);
        }
        return new FaultRates(share / 3, 0, share / 3, share / 6, share / 6, 0, Duration.ZERO, seed);
    }

    /** True when no fault is ever drawn. */
    public boolean isNone() {
        return throttle + throttleRetryAfter + internalError + serviceUnavailable + dropConnection + slow == 0;
    }

    /** The fault for a draw in [0, 1), or null for none. */
    Fault pick(double draw) {
        double edge = throttle;
        if (draw < edge) {
            return Fault.throttle();
        }
        edge += throttleRetryAfter;
        if (draw < edge) {
            return Fault.throttle(Duration.ofSeconds(1));
        }
        edge += internalError;
        if (draw < edge) {
            return Fault.internalError();
        }
        edge += serviceUnavailable;
        if (draw < edge) {
            return Fault.serviceUnavailable();
        }
        edge += dropConnection;
        if (draw < edge) {
            return Fault.dropConnection();
        }
        edge += slow;
        if (draw < edge) {
            return Fault.slow(slowDelay);
        }
        return null;
    }
}
