package io.github.connectparticipant.camel.client;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongPredicate;

import io.github.connectparticipant.simulator.QuotaWindow;
import io.github.connectparticipant.simulator.VirtualQuota;

/**
 * How a quota admits calls, in virtual time (nanoseconds from the run's start): the shapes quotas take in services
 * (token buckets of any burst, fixed and sliding windows, a rate that changes), so that the learned rate is checked on
 * each of them and not on one. Each also says how many calls it can admit by a given time, from which a run's true
 * ideal drain time follows.
 */
interface QuotaShape {

    long SECOND = 1_000_000_000L;

    /** True when the call that reaches the service at this moment is admitted. */
    boolean admits(long nanos);

    /** The most calls the quota can admit from the start up to this moment. */
    double capacityBy(long nanos);

    /** A short name for the tables. */
    String name();

    /** The quota admits every call. */
    static QuotaShape none() {
        return new QuotaShape() {

            @Override
            public boolean admits(long nanos) {
                return true;
            }

            @Override
            public double capacityBy(long nanos) {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public String name() {
                return "no quota";
            }
        };
    }

    /** A token bucket: so many calls a second, holding at most burst tokens, full at the start. */
    static QuotaShape tokenBucket(double rate, double burst) {
        return tokenBucket(t -> rate, burst, "token bucket, burst " + (burst == rate
                ? "1 s"
                : burst == 5 * rate
                        ? "5 s"
                        : String.valueOf((int) burst)));
    }

    /**
     * A token bucket whose rate at each second of the run is given: rate.applyAsDouble(seconds since the start).
     */
    static QuotaShape tokenBucket(DoubleUnaryOperator rate, double burst, String name) {
        return new QuotaShape() {

            private double tokens = burst;
            private long at;

            @Override
            public boolean admits(long nanos) {
                if (nanos > at) {
                    tokens = Math.min(burst, tokens + added(at, nanos));
                    at = nanos;
                }
                if (tokens >= 1) {
                    tokens -= 1;
                    return true;
                }
                return false;
            }

            @Override
            public double capacityBy(long nanos) {
                return burst + added(0, nanos);
            }

            /** The tokens the rate adds between two moments, 10 ms at a time. */
            private double added(long from, long to) {
                double sum = 0;
                long step = SECOND / 100;
                for (long t = from; t < to; t += step) {
                    sum += rate.applyAsDouble(t / (double) SECOND) * Math.min(step, to - t) / SECOND;
                }
                return sum;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /**
     * The simulator's window quota of this kind (its own code, on the model's clock): so many calls in each whole
     * second (fixed), or in the second before each call (sliding).
     */
    static QuotaShape windows(QuotaWindow window, int perSecond) {
        LongPredicate admits = VirtualQuota.windows(window, perSecond);
        return new QuotaShape() {

            @Override
            public boolean admits(long nanos) {
                return admits.test(nanos);
            }

            @Override
            public double capacityBy(long nanos) {
                return perSecond * (double) (nanos / SECOND + 1);
            }

            @Override
            public String name() {
                return window == QuotaWindow.FIXED ? "fixed 1 s windows" : "sliding 1 s window";
            }
        };
    }
}
