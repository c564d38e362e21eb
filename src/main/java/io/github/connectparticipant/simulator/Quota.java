package io.github.connectparticipant.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's request-rate quota as the simulator enforces it: a token bucket per operation (calls per second,
 * and a burst), shared by every caller, as the real service's quotas are per account and region. A call that finds
 * its operation's bucket empty is answered 429 ThrottlingException, without Retry-After.
 */
final class Quota {

    private volatile double callsPerSecond;
    private volatile double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    private static final class Bucket {

        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }

        synchronized boolean take(double rate, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - updatedNanos) / 1e9 * rate);
            updatedNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Every operation admits this many calls a second, with this burst; 0 calls a second for no quota. */
    void set(double callsPerSecond, double burst) {
        if (callsPerSecond < 0 || burst < 0 || callsPerSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("a quota needs a rate of at least 0 and a burst of at least 1");
        }
        buckets.clear();
        refused.reset();
        this.burst = burst;
        this.callsPerSecond = callsPerSecond;
    }

    /** True when the operation's bucket had a token for this call. */
    boolean admits(String operation) {
        double rate = callsPerSecond;
        if (rate <= 0) {
            return true;
        }
        long now = System.nanoTime();
        double full = burst;
        boolean admitted = buckets.computeIfAbsent(operation, key -> new Bucket(full, now)).take(rate, full, now);
        if (!admitted) {
            refused.increment();
        }
        return admitted;
    }

    /** The calls refused for the quota since it was set, apart from any other throttle. */
    long refused() {
        return refused.sum();
    }

    void clear() {
        set(0, 0);
    }
}
