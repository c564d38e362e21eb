package io.github.connectparticipant.camel.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pace of the calls to one operation of one service, shared by every producer of a Camel context that calls it.
 * <p>
 * Until the service first throttles, and with no fixed cap, calls are not paced at all (a volatile read). A throttle
 * sets the rate to {@link #BETA} times what the service served in the last second, which, once the service has been
 * refusing, is its quota for this client; then the rate grows back along CUBIC's curve, slowly near the rate of the
 * last cut and faster beyond it, so that a quota that was raised, or freed by another client, is found again. A
 * throttle answering a call that was sent before the last cut is already accounted for and cuts nothing, so the calls
 * in flight when the quota is met cost one cut, not one each. A fixed cap ({@code rateLimit}) bounds the rate too.
 * <p>
 * The state machine takes the time as an argument ({@link #nextSendNanos}, {@link #sent}, {@link #succeeded},
 * {@link #throttled}), so that it can be driven in virtual time; {@link #acquire} is the blocking pacing built on it.
 */
public final class AdaptiveRateLimiter {

    /** The share of the served rate that a throttle leaves: a mild cut, since the rate it cuts is a measurement. */
    public static final double BETA = 0.85;
    /**
     * CUBIC's scaling constant, in calls per second per second cubed: half the AWS SDK's, so that two clients sharing
     * a quota probe above it less often (see QuotaModel in the tests).
     */
    public static final double CUBIC_C = 0.2;
    /** The rate never learns below this: a client the quota leaves nothing still probes. */
    public static final double MIN_RATE = 0.5;
    /** With no throttle for this long, the learned rate is forgotten and calls go unpaced again. */
    public static final long FORGET_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int WINDOW_SLOTS = 10;
    private static final long SLOT_NANOS = SECOND / WINDOW_SLOTS;

    /**
     * Successes ever counted (striped: every call of every thread adds to it, the rare throttle reads it), and their
     * total at the start of each slot of the last second (a ring).
     */
    private final LongAdder successes = new LongAdder();
    private final long[] successesAtSlotStart = new long[WINDOW_SLOTS];
    private volatile long currentSlot = Long.MIN_VALUE;

    /** Callers wait their turn in order. */
    private final ReentrantLock turn = new ReentrantLock(true);

    /** True once a throttle taught a rate; read without a lock on every call. */
    private volatile boolean learned;
    private double maxRate;
    private double cubicK;
    private long lastCutNanos;
    private long lastSendNanos;
    private long lastThrottleNanos;

    /**
     * Waits for this caller's turn at the current rate.
     *
     * @param  capacityWait the message's remaining wait; what this wait takes is deducted
     * @param  fixedRate    the caller's cap in calls per second, 0 for none
     * @param  adaptive     whether the learned rate applies to this caller
     * @return              when the call may be sent (System.nanoTime), or -1 when the wait would outlast the message's
     */
    public long acquire(CapacityWait capacityWait, double fixedRate, boolean adaptive) throws InterruptedException {
        if (fixedRate <= 0 && !(adaptive && learned)) {
            return System.nanoTime();
        }
        long start = System.nanoTime();
        long deadline = start + capacityWait.remainingNanos();
        if (!turn.tryLock(Math.max(0, deadline - start), TimeUnit.NANOSECONDS)) {
            capacityWait.spent(System.nanoTime() - start);
            return -1;
        }
        try {
            for (;;) {
                long now = System.nanoTime();
                long next = nextSendNanos(now, fixedRate, adaptive);
                if (next <= now) {
                    sent(now);
                    capacityWait.spent(now - start);
                    return now;
                }
                if (next > deadline) {
                    capacityWait.spent(now - start);
                    return -1;
                }
                LockSupport.parkNanos(this, next - now);
                if (Thread.interrupted()) {
                    capacityWait.spent(System.nanoTime() - start);
                    throw new InterruptedException();
                }
            }
        } finally {
            turn.unlock();
        }
    }

    /** When the next call may go, at the rate in force now. */
    public synchronized long nextSendNanos(long now, double fixedRate, boolean adaptive) {
        double rate = fixedRate > 0 ? fixedRate : Double.POSITIVE_INFINITY;
        if (adaptive && learned) {
            if (now - lastThrottleNanos > FORGET_AFTER_NANOS) {
                learned = false;
            } else {
                rate = Math.min(rate, rateAt(now));
            }
        }
        if (rate == Double.POSITIVE_INFINITY) {
            return now;
        }
        return lastSendNanos + (long) (SECOND / rate);
    }

    public synchronized void sent(long now) {
        lastSendNanos = now;
    }

    /** A call was answered with success: counted for the served rate. */
    public void succeeded(long now) {
        long slot = Math.floorDiv(now, SLOT_NANOS);
        if (slot != currentSlot) {
            rollTo(slot);
        }
        successes.increment();
    }

    /**
     * The service throttled a call sent at sentNanos: unless a cut already answered it, the rate drops to BETA times
     * what the service served in the last second (or the current rate, when lower).
     */
    public synchronized void throttled(long sentNanos, long now) {
        lastThrottleNanos = now;
        // unpaced sends are not recorded: the throttled one paces the next
        lastSendNanos = Math.max(lastSendNanos, sentNanos);
        if (learned && sentNanos < lastCutNanos) {
            return;
        }
        double served = servedInLastSecond(now);
        double base = learned ? Math.min(rateAt(now), served) : served;
        maxRate = Math.max(MIN_RATE, base);
        cubicK = Math.cbrt(maxRate * (1 - BETA) / CUBIC_C);
        lastCutNanos = now;
        learned = true;
    }

    /** The learned rate now, in calls per second; infinite when nothing was learned (or it was forgotten). */
    public synchronized double currentRate(long now) {
        return learned ? rateAt(now) : Double.POSITIVE_INFINITY;
    }

    /** CUBIC: BETA * maxRate at the cut, back to maxRate after cubicK seconds, growing faster beyond. */
    private double rateAt(long now) {
        double t = (now - lastCutNanos) / (double) SECOND - cubicK;
        return Math.max(MIN_RATE, maxRate + CUBIC_C * t * t * t);
    }

    private synchronized void rollTo(long slot) {
        long current = currentSlot;
        if (slot <= current) {
            return;
        }
        long total = successes.sum();
        // slots that passed with no success start at the same total
        long from = current == Long.MIN_VALUE ? slot : Math.max(current + 1, slot - WINDOW_SLOTS + 1);
        for (long s = from; s <= slot; s++) {
            successesAtSlotStart[(int) Math.floorMod(s, WINDOW_SLOTS)] = total;
        }
        currentSlot = slot;
    }

    /** Successes in the last second (the current slot and the nine before it). */
    private double servedInLastSecond(long now) {
        long slot = Math.floorDiv(now, SLOT_NANOS);
        rollTo(slot);
        long oldestSlot = slot - WINDOW_SLOTS + 1;
        return successes.sum() - successesAtSlotStart[(int) Math.floorMod(oldestSlot, WINDOW_SLOTS)];
    }
}
