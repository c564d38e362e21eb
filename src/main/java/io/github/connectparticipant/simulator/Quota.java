package io.github.connectparticipant.simulator;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The service's request-rate quota as the simulator enforces it, per operation, shared by every caller, as the real
 * service's quotas are per account and region: a token bucket (calls per second, and a burst), or a count of calls per
 * one-second window, fixed (the count starts again on each whole second) or sliding (the second before each call). A
 * call that its operation's quota refuses is answered 429 ThrottlingException, without Retry-After.
 */
final class Quota {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier clock;
    private volatile QuotaWindow window;
    private volatile double callsPerSecond;
    private volatile double burst;
    private final Map<String, Limit> limits = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    Quota() {
        this(System::nanoTime);
    }

    /** With the clock given (System.nanoTime's scale), so that the shapes can be checked in virtual time. */
    Quota(LongSupplier clock) {
        this.clock = clock;
    }

    /** One operation's quota. */
    private interface Limit {

        boolean take(long now);
    }

    private static final class Bucket implements Limit {

        private final double rate;
        private final double burst;
        private double tokens;
        private long updatedNanos;

        Bucket(double rate, double burst, long now) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
            this.updatedNanos = now;
        }

        @Override
        public synchronized boolean take(long now) {
            tokens = Math.min(burst, tokens + (now - updatedNanos) / 1e9 * rate);
            updatedNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    private static final class FixedWindow implements Limit {

        private final long perSecond;
        private long second = Long.MIN_VALUE;
        private long admitted;

        FixedWindow(long perSecond) {
            this.perSecond = perSecond;
        }

        @Override
        public synchronized boolean take(long now) {
            long current = Math.floorDiv(now, SECOND);
            if (current != second) {
                second = current;
                admitted = 0;
            }
            if (admitted < perSecond) {
                admitted++;
                return true;
            }
            return false;
        }
    }

    private static final class SlidingWindow implements Limit {

        private final long perSecond;
        private final ArrayDeque<Long> admittedAt = new ArrayDeque<>();

        SlidingWindow(long perSecond) {
            this.perSecond = perSecond;
        }

        @Override
        public synchronized boolean take(long now) {
            while (!admittedAt.isEmpty() && admittedAt.peekFirst() <= now - SECOND) {
                admittedAt.pollFirst();
            }
            if (admittedAt.size() < perSecond) {
                admittedAt.addLast(now);
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
        reset(null, callsPerSecond, burst);
    }

    /** Every operation admits this many calls in each one-second window of the kind given. */
    void set(QuotaWindow window, int callsPerSecond) {
        if (window == null || callsPerSecond < 1) {
            throw new IllegalArgumentException("a window quota needs a window and at least 1 call a second");
        }
        reset(window, callsPerSecond, 0);
    }

    private void reset(QuotaWindow window, double callsPerSecond, double burst) {
        limits.clear();
        refused.reset();
        this.window = window;
        this.burst = burst;
        this.callsPerSecond = callsPerSecond;
    }

    /** True when the operation's quota admits this call. */
    boolean admits(String operation) {
        double rate = callsPerSecond;
        if (rate <= 0) {
            return true;
        }
        long now = clock.getAsLong();
        boolean admitted = limits.computeIfAbsent(operation, key -> limit(rate, now)).take(now);
        if (!admitted) {
            refused.increment();
        }
        return admitted;
    }

    private Limit limit(double rate, long now) {
        QuotaWindow kind = window;
        if (kind == null) {
            return new Bucket(rate, burst, now);
        }
        return kind == QuotaWindow.FIXED ? new FixedWindow((long) rate) : new SlidingWindow((long) rate);
    }

    /** The calls refused for the quota since it was set, apart from any other throttle. */
    long refused() {
        return refused.sum();
    }

    void clear() {
        set(0, 0);
    }
}
