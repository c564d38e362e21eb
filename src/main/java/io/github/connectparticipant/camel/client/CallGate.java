package io.github.connectparticipant.camel.client;

/**
 * What stands between an endpoint's calls to one operation and the service: the service's {@link RetryBudget} (held
 * through an outage) and the operation's {@link AdaptiveRateLimiter} (paced to its quota), both shared in the Camel
 * context, with the endpoint's own settings (a fixed cap, whether the learned rate applies).
 */
public final class CallGate {

    /** No budget and no pacing: for the uploads to storage, which is not the service and has no quota of its own. */
    public static final CallGate OPEN = new CallGate(null, null, 0, false, CallMetrics.NONE);

    private final RetryBudget budget;
    private final AdaptiveRateLimiter limiter;
    private final double fixedRate;
    private final boolean adaptive;
    private final CallMetrics metrics;

    public CallGate(RetryBudget budget, AdaptiveRateLimiter limiter, double fixedRate, boolean adaptive,
            CallMetrics metrics) {
        this.budget = budget;
        this.limiter = limiter;
        this.fixedRate = fixedRate;
        this.adaptive = adaptive;
        this.metrics = metrics;
    }

    /** The service's last server fault (what an outage answered), or null. */
    public ServiceCallFailure lastFault() {
        return budget != null ? budget.lastFault() : null;
    }

    /** What the operation's calls record. */
    public CallMetrics metrics() {
        return metrics;
    }

    /**
     * Waits until the call may be sent: the outage, if any, is over or this call is its probe, and it is the call's
     * turn at the operation's rate.
     *
     * @return false when the message's wait for capacity ran out first
     */
    public boolean admit(GatedCall call, CapacityWait capacityWait) throws InterruptedException {
        if (budget != null && !budget.admit(call, capacityWait)) {
            return false;
        }
        if (limiter == null) {
            call.sentNanos = System.nanoTime();
            return true;
        }
        long sent = limiter.acquire(capacityWait, fixedRate, adaptive);
        if (sent < 0) {
            if (budget != null) {
                budget.released(call);
            }
            return false;
        }
        call.sentNanos = sent;
        return true;
    }

    public void succeeded(GatedCall call) {
        served(call);
        if (budget != null) {
            budget.succeeded(call);
        }
    }

    /** The service answered with an error that is not a server fault nor a throttle: it is up. */
    public void answered(GatedCall call) {
        served(call);
        if (budget != null) {
            budget.answered(call);
        }
    }

    /** The call went through the operation's quota, whatever came of it: it counts for the rate the service serves. */
    private void served(GatedCall call) {
        if (limiter != null) {
            limiter.served(call.sentNanos, System.nanoTime());
        }
    }

    /**
     * The service throttled the call.
     *
     * @return true when the learned rate takes it (the call waits for its turn and tries again, no attempt used);
     *         false when the call should treat it as any transient error
     */
    public boolean throttled(GatedCall call) {
        if (budget != null) {
            budget.answered(call);
        }
        if (!adaptive || limiter == null) {
            return false;
        }
        limiter.throttled(call.sentNanos, System.nanoTime());
        return true;
    }

    /** The call failed without reaching the service in a way that says anything of it (e.g. a TLS handshake). */
    public void released(GatedCall call) {
        if (budget != null) {
            budget.released(call);
        }
    }

    /** A server fault or no answer: retry, give up, or hold the message through an outage. */
    public RetryBudget.AfterFault faulted(GatedCall call, ServiceCallFailure failure, boolean attemptsLeft) {
        // a call that got no answer most likely reached the service too
        served(call);
        if (budget == null) {
            return attemptsLeft ? RetryBudget.AfterFault.RETRY : RetryBudget.AfterFault.GIVE_UP;
        }
        return budget.faulted(call, failure, attemptsLeft, System.nanoTime());
    }
}
