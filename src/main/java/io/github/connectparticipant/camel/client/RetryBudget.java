package io.github.connectparticipant.camel.client;

import java.util.concurrent.TimeUnit;

/**
 * The retry budget of one service, shared by every producer of a Camel context that calls it, as the AWS SDK's
 * standard retry mode keeps one: a token bucket that retries after a server fault (5xx) or no answer drain, and
 * successes refill. A retry the bucket pays for goes as the call's policy says. When the last
 * {@link #OUTAGE_AFTER_FAULTS} answers in a row were faults, or the bucket is dry and the last
 * {@link #OUTAGE_AFTER_FAULTS_DRY} were, the service is taken to be down (an outage): calls stop
 * retrying and stop starting; they hold their messages, and one call at a time, at most once every
 * {@link #PROBE_INTERVAL_NANOS}, goes as a probe. The first answer that is not a server fault ends the outage and
 * releases them all, with a full bucket. A dry bucket while calls still succeed in between is a degraded service, not
 * a down one: its calls keep the attempts their policy gives them.
 * <p>
 * The state machine takes the time as an argument, so that it can be driven in virtual time; {@link #admit} is the
 * blocking wait built on it.
 */
public final class RetryBudget {

    /** Tokens in a full bucket: ten retries after server faults, five after calls that got no answer. */
    public static final int CAPACITY = 50;
    /** What a retry after a server fault (5xx) costs. */
    public static final int RETRY_COST = 5;
    /** What a retry after no answer (a timeout, a dropped or refused connection) costs: such calls hold a thread. */
    public static final int NO_ANSWER_RETRY_COST = 10;
    /** What a success returns when it was not a retry (a retry that succeeds returns what it cost). */
    public static final int SUCCESS_REFUND = 1;
    /** Faults in a row that make an outage: a degraded service succeeds in between. */
    public static final int OUTAGE_AFTER_FAULTS = 6;
    /**
     * Faults in a row that make an outage once the bucket is dry. Six in a row (OUTAGE_AFTER_FAULTS) come before a
     * lone message has used three deliveries of three attempts (nine): a message that meets an outage alone is held,
     * not dead-lettered.
     */
    public static final int OUTAGE_AFTER_FAULTS_DRY = 3;
    /** The pace of the probes during an outage. */
    public static final long PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** What the budget says of a server fault. */
    public enum AfterFault {
        /** Retry after the policy's backoff: paid for. */
        RETRY,
        /** The call had its attempts and the service is not down: fail, retryable. */
        GIVE_UP,
        /** The service is down: hold the message, unpaid, until an answer ends the outage (or its wait runs out). */
        HOLD
    }

    private int tokens = CAPACITY;
    /** Read without a lock on every call. */
    private volatile boolean outage;
    private long outageSinceNanos;
    private long nextProbeNanos;
    private boolean probeInFlight;
    private ServiceCallFailure lastFault;
    private int faultsInARow;

    /**
     * Waits, during an outage, until this call may go as the probe or the outage ends.
     *
     * @return true when the call may go; false when the message's wait ran out first
     */
    public boolean admit(GatedCall call, CapacityWait capacityWait) throws InterruptedException {
        if (!outage) {
            return true;
        }
        long start = System.nanoTime();
        long deadline = start + capacityWait.remainingNanos();
        synchronized (this) {
            try {
                for (;;) {
                    long now = System.nanoTime();
                    long wait = admitOrWait(call, now);
                    if (wait == 0) {
                        return true;
                    }
                    long left = deadline - now;
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(wait, left));
                }
            } finally {
                capacityWait.spent(System.nanoTime() - start);
            }
        }
    }

    /** 0 when the call may go now (as the probe, during an outage), else how long to wait before asking again. */
    public synchronized long admitOrWait(GatedCall call, long now) {
        if (!outage) {
            return 0;
        }
        if (!probeInFlight && now >= nextProbeNanos) {
            probeInFlight = true;
            call.probe = true;
            nextProbeNanos = now + PROBE_INTERVAL_NANOS;
            return 0;
        }
        return probeInFlight ? PROBE_INTERVAL_NANOS : nextProbeNanos - now;
    }

    /** The call succeeded: the bucket gets back what its retry cost (a first attempt's success adds a little). */
    public synchronized void succeeded(GatedCall call) {
        answered(call);
        tokens = Math.min(CAPACITY, tokens + (call.paidCost > 0 ? call.paidCost : SUCCESS_REFUND));
        call.paidCost = 0;
    }

    /** The service answered (a success, a refusal, a throttle): it is up, so an outage ends. */
    public synchronized void answered(GatedCall call) {
        call.probe = false;
        faultsInARow = 0;
        if (outage) {
            outage = false;
            probeInFlight = false;
            tokens = CAPACITY;
            notifyAll();
        }
    }

    /** The call was admitted but never sent: a probe it held must not keep the next one waiting. */
    public synchronized void released(GatedCall call) {
        if (call.probe) {
            call.probe = false;
            probeInFlight = false;
            notifyAll();
        }
    }

    /**
     * A server fault or no answer.
     *
     * @param attemptsLeft whether the call's policy allows another attempt
     */
    public synchronized AfterFault faulted(GatedCall call, ServiceCallFailure failure, boolean attemptsLeft, long now) {
        lastFault = failure;
        faultsInARow++;
        released(call);
        if (outage) {
            return AfterFault.HOLD;
        }
        int cost = failure.statusCode() == ServiceCallFailure.NO_ANSWER ? NO_ANSWER_RETRY_COST : RETRY_COST;
        boolean dry = tokens < cost;
        if (faultsInARow >= OUTAGE_AFTER_FAULTS || dry && faultsInARow >= OUTAGE_AFTER_FAULTS_DRY) {
            outage = true;
            outageSinceNanos = now;
            nextProbeNanos = now + PROBE_INTERVAL_NANOS;
            return AfterFault.HOLD;
        }
        if (!attemptsLeft) {
            return AfterFault.GIVE_UP;
        }
        call.paidCost = dry ? 0 : cost;
        tokens -= call.paidCost;
        return AfterFault.RETRY;
    }

    public boolean inOutage() {
        return outage;
    }

    /** Since when the service has been down (System.nanoTime), while it is. */
    public synchronized long outageSinceNanos() {
        return outageSinceNanos;
    }

    /** The last server fault, for the failure of a call that waited out an outage without an answer of its own. */
    public synchronized ServiceCallFailure lastFault() {
        return lastFault;
    }

    /** The error code of the last server fault, for what a health check or a failure says. */
    public synchronized String lastFaultCode() {
        return lastFault != null ? lastFault.errorCode() : null;
    }

    public synchronized int tokens() {
        return tokens;
    }
}
