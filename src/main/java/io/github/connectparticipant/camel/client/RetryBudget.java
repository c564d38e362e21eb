package io.github.connectparticipant.camel.client;

import java.util.concurrent.TimeUnit;

/**
 * The retry budget of one service, shared by every producer of a Camel context that calls it, as the AWS SDK's
 * standard retry mode keeps one: a token bucket that retries after a server fault (5xx) or no answer drain, and
 * successes refill. A retry the bucket pays for goes as the call's policy says; a dry bucket does not stop it.
 * <p>
 * When the last {@link #OUTAGE_AFTER_FAULTS} answers in a row were faults and that run has lasted
 * {@link #OUTAGE_AFTER_NANOS} with no other answer, or {@link #OUTAGE_AFTER_FAULTS_AT_ONCE} were, the service is
 * taken to be down (an outage): calls stop retrying and stop starting; they hold their messages, and one call at a
 * time, at most once every {@link #PROBE_INTERVAL_NANOS}, goes as a probe. The first answer that is not a server
 * fault ends the outage and releases them all, with a full bucket. A service that still answers most calls is
 * degraded, not down (a brownout): its calls keep the attempts their policy gives them. Concurrent calls to a service
 * that fails a third of them meet six faults in a row now and then, but neither for half a second nor sixteen.
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
    /**
     * Faults in a row that make an outage once they have lasted {@link #OUTAGE_AFTER_NANOS}: they come before a lone
     * message has used three deliveries of three attempts (nine), so a message that meets an outage alone is held, not
     * dead-lettered.
     */
    public static final int OUTAGE_AFTER_FAULTS = 6;
    /**
     * How long a run of {@link #OUTAGE_AFTER_FAULTS} faults must have lasted, with no other answer, to be an outage:
     * concurrent calls answer many times in it, so that a brownout's chance runs of faults end well before. A lone
     * message's faults last that long by its second delivery (the default backoff, a redelivery delay of 100 ms or
     * more), before its ninth attempt.
     */
    public static final long OUTAGE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /**
     * Faults in a row that make an outage at once: many concurrent calls meet an outage together, before most have
     * used their attempts; a brownout that fails a third of the calls makes such a run about once in fifty million.
     */
    public static final int OUTAGE_AFTER_FAULTS_AT_ONCE = 16;
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
    private long outages;
    private long firstFaultInARowNanos;

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
        if (faultsInARow++ == 0) {
            firstFaultInARowNanos = now;
        }
        released(call);
        if (outage) {
            return AfterFault.HOLD;
        }
        int cost = failure.statusCode() == ServiceCallFailure.NO_ANSWER ? NO_ANSWER_RETRY_COST : RETRY_COST;
        boolean dry = tokens < cost;
        boolean lasted = now - firstFaultInARowNanos >= OUTAGE_AFTER_NANOS;
        if (faultsInARow >= OUTAGE_AFTER_FAULTS && lasted || faultsInARow >= OUTAGE_AFTER_FAULTS_AT_ONCE) {
            outage = true;
            outages++;
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

    /** How many outages the service has had since the budget was made. */
    public synchronized long outages() {
        return outages;
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
